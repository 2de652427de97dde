using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Catalogue.SmartLists;

namespace BroadcastGrains.Tests.Catalogue;

/// <summary>A smart list's rule: a contact is in it when it matches every condition on its variables.</summary>
public sealed class SmartListMatcherTests
{
    static readonly RecipientInput Contacts = new([14155550100, 14155550101, 14155550102, 14155550103], [], [],
        VariableTable.FromRows(["city", "tier"], [0, 1, 2], [["Kampala", "gold"], ["Nairobi", null], ["Kampala Central", "silver"]]));

    [Theory]
    [InlineData("city", "equals", "Kampala", new long[] { 14155550100 })]
    [InlineData("city", "notEquals", "Kampala", new long[] { 14155550101, 14155550102, 14155550103 })]
    [InlineData("tier", "exists", null, new long[] { 14155550100, 14155550102 })]
    [InlineData("tier", "notExists", null, new long[] { 14155550101, 14155550103 })]
    [InlineData("city", "contains", "Kampala", new long[] { 14155550100, 14155550102 })]
    [InlineData("unknown", "exists", null, new long[0])]
    public void Each_op_keeps_the_contacts_it_names(string variable, string op, string? value, long[] kept)
    {
        var where = new[] { new SmartListCondition(variable, op, value) };

        Assert.Equal(kept, SmartListMatcher.Filter(Contacts, where).Numbers);
        Assert.Equal(kept.Length, SmartListMatcher.Count(Contacts, where));
    }

    [Fact]
    public void Conditions_all_hold_and_kept_contacts_keep_their_variables()
    {
        var where = new[] { new SmartListCondition("city", "contains", "Kampala"), new SmartListCondition("tier", "equals", "silver") };

        var kept = SmartListMatcher.Filter(Contacts, where);

        Assert.Equal([14155550102], kept.Numbers);
        Assert.Equal("Kampala Central|silver", string.Join("|", kept.Variables.ValuesOf(kept.Variables.RowOf(0))));
    }

    [Fact]
    public void Unknown_ops_and_missing_values_are_refused()
    {
        Assert.Equal(ErrorCodes.ValidationFailed, SmartListMatcher.Refuse([new("city", "startsWith", "K")])?.Code);
        Assert.Equal(ErrorCodes.ValidationFailed, SmartListMatcher.Refuse([new("city", "equals", null)])?.Code);
        Assert.Null(SmartListMatcher.Refuse([new("city", "exists", null)]));
    }
}
