using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Domain;

public class RenderedLengthRuleTests
{
    [Fact]
    public void Rendered_messages_over_1600_characters_are_named_by_index_up_to_ten()
    {
        var rows = Enumerable.Range(0, 30).Select(i => (IReadOnlyList<string?>)[new string('a', i % 2 == 0 ? 401 : 400)]).ToList();
        var table = VariableTable.FromRows(["v"], [.. Enumerable.Range(0, 30)], rows);

        var error = RenderedLengthRule.Check("{{v}}{{v}}{{v}}{{v}}", table);

        Assert.Equal(ErrorCodes.BodyTooLong, error?.Code);
        Assert.Equal(["0", "2", "4", "6", "8", "10", "12", "14", "16", "18"], error!.Errors!["recipients"]);
        Assert.StartsWith("15 recipients", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_1600_characters_and_recipients_missing_a_value_pass_this_rule()
    {
        var table = VariableTable.FromRows(["v", "w"], [0, 1], [["1234567890", null], [null, "x"]]);

        Assert.Null(RenderedLengthRule.Check(new string('b', 1590) + "{{v}}", table));
        Assert.Null(RenderedLengthRule.Check("no placeholders", table));
    }
}
