using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>What a create may take from the catalogue: approved templates only, lists with one to 2,000,000 contacts.</summary>
public sealed class CatalogueRulesTests
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_missing_template_is_not_found_and_an_unapproved_one_is_refused_with_its_status()
    {
        Assert.Equal(ErrorCodes.TemplateNotFound, CatalogueRules.RefuseTemplate("welcome", null)?.Code);

        var pending = new TemplateView("t-1", "welcome", "Hi", ApprovalStatus.Pending, At);
        var refused = CatalogueRules.RefuseTemplate("welcome", pending);
        Assert.Equal(ErrorCodes.TemplateNotApproved, refused?.Code);
        Assert.Contains("pending", refused!.Detail, StringComparison.Ordinal);

        Assert.Null(CatalogueRules.RefuseTemplate("welcome", pending with { Status = ApprovalStatus.Approved }));
    }

    [Fact]
    public void Lists_merge_into_one_recipient_input_in_order()
    {
        var (merged, error) = CatalogueRules.Merge(
            [RecipientInput.FromStrings(["+15551230001", "+15551230002"]), RecipientInput.FromStrings(["+15551230003"])]);

        Assert.Null(error);
        Assert.Equal(3, merged!.Count);
    }

    [Fact]
    public void Lists_without_contacts_are_no_recipients()
    {
        var (merged, error) = CatalogueRules.Merge([RecipientInput.Empty, RecipientInput.Empty]);

        Assert.Null(merged);
        Assert.Equal((ErrorCodes.NoRecipients, "listIds"), (error!.Code, error.Errors!.Keys.Single()));
    }

    [Fact]
    public void Lists_over_the_recipient_limit_are_too_many()
    {
        var half = new RecipientInput(new long[BroadcastValidator.MaxRecipients / 2 + 1], [], [], VariableTable.Empty);

        var (merged, error) = CatalogueRules.Merge([half, half]);

        Assert.Null(merged);
        Assert.Equal(ErrorCodes.TooManyRecipients, error?.Code);
    }

    [Fact]
    public void Only_a_well_formed_list_id_is_looked_up()
    {
        Assert.True(CatalogueRules.MayExist(CatalogueIds.New(CatalogueIds.ContactList)));
        Assert.False(CatalogueRules.MayExist("lst_../../other-client"));
        Assert.False(CatalogueRules.MayExist(CatalogueIds.New("tpl_")));
    }

    [Fact]
    public void An_unapproved_sender_is_refused_on_from() =>
        Assert.Equal((ErrorCodes.SenderNotApproved, "from"),
            (CatalogueRules.SenderNotApproved("ACME").Code, CatalogueRules.SenderNotApproved("ACME").Errors!.Keys.Single()));
}
