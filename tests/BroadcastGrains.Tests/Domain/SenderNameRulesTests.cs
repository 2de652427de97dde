using BroadcastGrains.Catalogue.Senders;

namespace BroadcastGrains.Tests.Domain;

public sealed class SenderNameRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_name_nobody_holds_or_the_client_holds_itself_may_be_approved_for_it()
    {
        Assert.True(SenderNameRules.MayApprove([], shared: false, "a"));
        Assert.True(SenderNameRules.MayApprove(["a"], shared: false, "a"));
    }

    [Fact]
    public void A_name_another_client_holds_is_taken_unless_the_operator_shares_it()
    {
        Assert.False(SenderNameRules.MayApprove(["b"], shared: false, "a"));
        Assert.True(SenderNameRules.MayApprove(["b"], shared: true, "a"));
    }

    [Fact]
    public void A_name_may_be_shared_only_while_nobody_holds_it_approved()
    {
        Assert.True(SenderNameRules.MayShare([]));
        Assert.False(SenderNameRules.MayShare(["a"]));
    }

    [Fact]
    public void A_shared_name_is_for_every_client_or_only_the_listed_ones()
    {
        Assert.True(SenderNameRules.IsSharedWith(true, null, "a"));
        Assert.True(SenderNameRules.IsSharedWith(true, ["a", "b"], "a"));
        Assert.False(SenderNameRules.IsSharedWith(true, ["b"], "a"));
        Assert.False(SenderNameRules.IsSharedWith(false, null, "a"));
    }

    [Fact]
    public void Replies_may_belong_to_registrants_and_to_who_sent_within_seven_days()
    {
        var lastSent = new Dictionary<string, DateTimeOffset>
        {
            ["recent"] = Now.AddDays(-6),
            ["old"] = Now.AddDays(-8),
            ["registrant"] = Now.AddHours(-1),
        };

        Assert.Equal(["registrant", "recent"], SenderNameRules.Candidates(["registrant"], lastSent, Now));
        Assert.Equal(["old"], SenderNameRules.Expired(lastSent, Now));
    }

    [Fact]
    public void Sharing_with_the_same_clients_again_is_the_same_share()
    {
        Assert.True(SenderNameRules.SameClients(null, null));
        Assert.True(SenderNameRules.SameClients(["a", "b"], ["a", "b"]));
        Assert.False(SenderNameRules.SameClients(null, ["a"]));
        Assert.False(SenderNameRules.SameClients(["a"], ["b"]));
    }

    [Theory]
    [InlineData(null, null, "name")]
    [InlineData("Way too long a name", null, "name")]
    [InlineData("12345", null, "name")]
    [InlineData("Promo", "", "clientIds")]
    [InlineData("Promo", " ", "clientIds")]
    [InlineData("Promo", "a", null)]
    [InlineData("+14155550100", null, null)]
    public void A_share_request_needs_a_sender_name_and_real_client_ids(string? name, string? clientIds, string? field)
    {
        IReadOnlyList<string>? ids = clientIds is null ? null : clientIds.Length == 0 ? [] : [clientIds];

        Assert.Equal(field, SharedSenderRequest.Problem(name, ids)?.Field);
    }
}
