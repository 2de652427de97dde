using BroadcastGrains.Silo.Hosting;

namespace BroadcastGrains.Api.Tests.Startup;

/// <summary>API.md: with PostgreSQL a silo refuses an operator key or carrier secret under 24 characters or an example.</summary>
public sealed class SecretRuleTests
{
    [Theory]
    [InlineData("short")]
    [InlineData("23-characters-long-key!")]
    [InlineData("admin-secret")]
    [InlineData("change-me-admin-key")]
    [InlineData("CHANGE-ME-CARRIER-SECRET")]
    [InlineData("replace-with-a-long-random-operator-key")]
    [InlineData("replace-with-a-long-random-carrier-secret")]
    [InlineData("change-me-but-made-long-enough-to-pass")]
    public void Short_and_example_values_are_refused(string value) => Assert.NotNull(SecretRule.Refusal(value));

    [Theory]
    [InlineData("24-characters-long-key!!")]
    [InlineData("k3Pq9vXz0m2LrT8sW4yB6nC1dF5gH7jA")]
    public void Own_values_of_24_characters_or_more_pass(string value) => Assert.Null(SecretRule.Refusal(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Unset_is_not_refused_a_random_one_is_made_for_the_run(string? value) => Assert.Null(SecretRule.Refusal(value));

    [Fact]
    public void A_refusal_says_how_long_the_value_is_and_what_is_needed() =>
        Assert.Equal("is 5 characters; at least 24 are needed", SecretRule.Refusal("short"));
}
