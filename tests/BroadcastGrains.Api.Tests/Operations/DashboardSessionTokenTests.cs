using BroadcastGrains.Silo.Telemetry;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary>Issue 14 item 9: a dashboard cookie is good for 12 hours under the key that issued it, then refused.</summary>
public sealed class DashboardSessionTokenTests
{
    const string Key = "operator-key-for-token-tests-0123";
    static readonly DateTimeOffset Issued = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(60, true)]
    [InlineData(12 * 60, true)]
    [InlineData(12 * 60 + 1, false)]
    [InlineData(-3, true)]       // another silo's clock a little ahead
    [InlineData(-60, false)]     // issued an hour in the future: not by us
    public void A_token_is_valid_for_12_hours_from_its_issue(int minutesLater, bool valid) =>
        Assert.Equal(valid, DashboardSessionToken.IsValid(Key, DashboardSessionToken.Issue(Key, Issued), Issued.AddMinutes(minutesLater)));

    [Fact]
    public void A_token_under_another_key_is_refused() =>
        Assert.False(DashboardSessionToken.IsValid("another-operator-key-0123456789", DashboardSessionToken.Issue(Key, Issued), Issued));

    [Fact]
    public void Moving_the_issue_time_forward_breaks_the_mac()
    {
        var token = DashboardSessionToken.Issue(Key, Issued);
        var mac = token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var later = Issued.AddHours(11).ToUnixTimeSeconds();

        Assert.False(DashboardSessionToken.IsValid(Key, $"{later}.{mac}", Issued.AddHours(13)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc.def")]
    [InlineData("99999999999999999999.x")]
    [InlineData("-5.x")]
    public void Malformed_tokens_are_refused(string token) => Assert.False(DashboardSessionToken.IsValid(Key, token, Issued));
}
