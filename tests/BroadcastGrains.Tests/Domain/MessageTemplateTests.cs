using BroadcastGrains.Messages;

namespace BroadcastGrains.Tests.Domain;

public class MessageTemplateTests
{
    [Fact]
    public void Placeholders_render_with_the_recipients_values()
    {
        var template = MessageTemplate.Parse("Hi {{first_name}}, your code is {{code}}.");

        Assert.True(template.TryRender(["code", "first_name"], ["4711", "Ann"], out var text, out var missing));
        Assert.Equal("Hi Ann, your code is 4711.", text);
        Assert.Null(missing);
    }

    [Fact]
    public void Variable_names_are_distinct_in_order_of_first_use()
    {
        var template = MessageTemplate.Parse("{{b}} {{a}} {{b}} {{ a }} {{c.d-e_1}}");

        Assert.Equal(["b", "a", "c.d-e_1"], template.VariableNames);
        Assert.True(template.HasVariables);
        Assert.True(template.TryRender(["a", "b", "c.d-e_1"], ["1", "2", "3"], out var text, out _));
        Assert.Equal("2 1 2 1 3", text);
    }

    [Fact]
    public void Whitespace_inside_braces_is_allowed()
    {
        var template = MessageTemplate.Parse("Hi {{  first_name\t}}!");

        Assert.True(template.TryRender(["first_name"], ["Ann"], out var text, out _));
        Assert.Equal("Hi Ann!", text);
    }

    [Fact]
    public void Missing_variable_fails_and_names_it()
    {
        var template = MessageTemplate.Parse("Hi {{first_name}} {{last_name}}");

        Assert.False(template.TryRender(["first_name"], ["Ann"], out _, out var missing));
        Assert.Equal("last_name", missing);
    }

    [Fact]
    public void Null_value_or_no_values_count_as_missing_but_empty_string_does_not()
    {
        var template = MessageTemplate.Parse("Hi {{name}}!");

        Assert.False(template.TryRender(["name"], [null], out _, out var missing));
        Assert.Equal("name", missing);
        Assert.False(template.TryRender(["name"], null, out _, out _));
        Assert.True(template.TryRender(["name"], [""], out var text, out _));
        Assert.Equal("Hi !", text);
    }

    [Fact]
    public void Body_without_variables_renders_as_the_same_instance()
    {
        var body = string.Concat("Sale ", "today");
        var template = MessageTemplate.Parse(body);

        Assert.False(template.HasVariables);
        Assert.Empty(template.VariableNames);
        Assert.True(template.TryRender([], null, out var text, out _));
        Assert.Same(body, text);
        Assert.Same(template.Body, text);
    }

    [Theory]
    [InlineData("{name}")]
    [InlineData("{{name}")]
    [InlineData("{{ }}")]
    [InlineData("{{first name}}")]
    [InlineData("{{name!}}")]
    [InlineData("}}{{")]
    [InlineData("{{")]
    public void Unmatched_or_malformed_braces_are_literal_text(string body)
    {
        var template = MessageTemplate.Parse(body);

        Assert.False(template.HasVariables);
        Assert.True(template.TryRender([], null, out var text, out _));
        Assert.Equal(body, text);
    }

    [Fact]
    public void Extra_braces_around_a_placeholder_stay_as_text()
    {
        var template = MessageTemplate.Parse("{{{code}}} and {{ {{code}}");

        Assert.True(template.TryRender(["code"], ["42"], out var text, out _));
        Assert.Equal("{42} and {{ 42", text);
    }

    [Fact]
    public void Values_are_inserted_verbatim()
    {
        var template = MessageTemplate.Parse("{{a}}{{b}}");

        Assert.True(template.TryRender(["a", "b"], ["{{b}}", "€ç"], out var text, out _));
        Assert.Equal("{{b}}€ç", text);
    }
}
