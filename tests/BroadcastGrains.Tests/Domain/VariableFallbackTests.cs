using BroadcastGrains.Broadcasts;
using BroadcastGrains.Messages;

namespace BroadcastGrains.Tests.Domain;

public class VariableFallbackTests
{
    static readonly VariableTable Table = VariableTable.FromRows(["name", "code"], [0, 2], [["Ann", null], [null, "own"]]);
    static readonly Dictionary<string, string> Request = new() { ["code"] = "req" };

    [Fact]
    public void A_recipients_value_wins_then_the_requests_then_the_fallback()
    {
        var renderer = new VariableRenderer(MessageTemplate.Parse("Hi {{ name | dear friend }}, {{code|none}}"), Table, Request);

        Assert.True(renderer.TryRender(0, out var first, out _));
        Assert.True(renderer.TryRender(1, out var second, out _));
        Assert.True(renderer.TryRender(2, out var third, out _));

        Assert.Equal("Hi Ann, req", first);
        Assert.Equal("Hi dear friend, req", second);
        Assert.Equal("Hi dear friend, own", third);
        Assert.True(renderer.TryMeasure(1, out var length, out _));
        Assert.Equal(second.Length, length);
    }

    [Fact]
    public void A_name_used_once_without_a_fallback_is_missing_when_nothing_gives_it()
    {
        var renderer = new VariableRenderer(MessageTemplate.Parse("{{name|you}} and {{name}}"), Table);

        Assert.True(renderer.TryRender(0, out var text, out _));
        Assert.Equal("Ann and Ann", text);
        Assert.False(renderer.TryRender(1, out _, out var missing));
        Assert.Equal("name", missing);
    }

    [Fact]
    public void An_empty_fallback_renders_nothing_and_braces_in_a_fallback_keep_it_text()
    {
        Assert.True(MessageTemplate.Parse("a{{x|}}b").TryRender([], null, out var empty, out _));
        Assert.Equal("ab", empty);

        var braces = MessageTemplate.Parse("{{x|{y}}}");
        Assert.False(braces.HasVariables && braces.VariableNames.Contains("x"));
    }

    [Fact]
    public void Rendering_into_a_buffer_gives_the_text_and_refuses_what_does_not_fit()
    {
        var renderer = new VariableRenderer(MessageTemplate.Parse("Hi {{name|friend}}"), Table);
        var buffer = new char[20];

        Assert.True(renderer.TryRenderInto(1, buffer, out var written, out _));
        Assert.Equal("Hi friend", new string(buffer, 0, written));
        Assert.False(renderer.TryRenderInto(1, new char[5], out _, out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Recipients_without_a_row_are_measured_with_the_request_values()
    {
        var rows = VariableTable.FromRows(["v"], [1], [["short"]]);
        var request = new Dictionary<string, string> { ["v"] = new string('v', 401) };

        var error = RenderedLengthRule.Check("{{v}}{{v}}{{v}}{{v}}", rows, request, recipientCount: 4);

        Assert.Equal(ErrorCodes.BodyTooLong, error?.Code);
        Assert.Equal(["0", "2", "3"], error!.Errors!["recipients"]);
    }

    [Fact]
    public void A_keyword_prefix_that_takes_a_fixed_body_over_1600_characters_is_too_long()
    {
        Assert.Null(RenderedLengthRule.Check("KW " + new string('b', 1597), VariableTable.Empty));
        Assert.Equal(ErrorCodes.BodyTooLong, RenderedLengthRule.Check("KW " + new string('b', 1598), VariableTable.Empty)?.Code);
    }
}
