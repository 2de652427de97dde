using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>Planning a create: duplicates refuse it only under <c>onDuplicate: reject</c>, with a sample to fix them by.</summary>
public sealed class PlanningRulesTests
{
    [Fact]
    public void Duplicates_refuse_the_create_only_when_the_policy_rejects_them()
    {
        var recipients = Recipients(duplicates: 2, "+15551230001");

        var refused = PlanningRules.RefuseDuplicates(DuplicatePolicy.Reject, recipients);

        Assert.Equal(ErrorCodes.DuplicateRecipients, refused?.Code);
        Assert.Equal(["+15551230001"], refused!.Errors!["recipients"]);
        Assert.Null(PlanningRules.RefuseDuplicates(DuplicatePolicy.Skip, recipients));
        Assert.Null(PlanningRules.RefuseDuplicates(DuplicatePolicy.Reject, Recipients(duplicates: 0)));
    }

    static NormalizedRecipients Recipients(int duplicates, params string[] samples) =>
        new([15551230001, 15551230002], [], [], VariableTable.Empty, duplicates, samples);
}
