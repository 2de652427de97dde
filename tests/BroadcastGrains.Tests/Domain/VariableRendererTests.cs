using BroadcastGrains.Broadcasts;
using BroadcastGrains.Messages;

namespace BroadcastGrains.Tests.Domain;

public class VariableRendererTests
{
    static readonly VariableTable Table = VariableTable.FromRows(["code", "first_name"], [0, 2], [["4711", "Ann"], [null, "Bo"]]);

    [Fact]
    public void A_recipient_renders_from_the_table_and_its_length_is_measured_without_rendering()
    {
        var renderer = new VariableRenderer(MessageTemplate.Parse("Hi {{first_name}}, code {{ code }}, bye {{first_name}}."), Table);

        Assert.True(renderer.TryRender(0, out var text, out var missing));
        Assert.Equal("Hi Ann, code 4711, bye Ann.", text);
        Assert.Null(missing);
        Assert.True(renderer.TryMeasure(0, out var length, out _));
        Assert.Equal(text.Length, length);
    }

    [Fact]
    public void A_recipient_without_a_value_or_without_any_row_names_the_missing_variable()
    {
        var renderer = new VariableRenderer(MessageTemplate.Parse("{{first_name}} {{code}}"), Table);

        Assert.False(renderer.TryRender(2, out _, out var missing));
        Assert.Equal("code", missing);
        Assert.False(renderer.TryMeasure(1, out _, out missing));
        Assert.Equal("first_name", missing);
    }

    [Fact]
    public void A_body_without_placeholders_is_every_recipients_text()
    {
        const string Body = "Same for all";
        var renderer = new VariableRenderer(MessageTemplate.Parse(Body), VariableTable.Empty);

        Assert.True(renderer.TryRender(7, out var text, out _));
        Assert.Same(Body, text);
    }
}
