using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary><c>/metrics</c>: Prometheus text, no key, and the message and credit counters move with a broadcast.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class MetricsTests(ApiFixture api)
{
    [Fact]
    public async Task Message_and_credit_counters_move_during_a_broadcast()
    {
        using var tenant = await Tenant.CreateAsync(api, credits: 100);
        var before = await ScrapeAsync();
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12_025_550_100, 250));
        var broadcast = await tenant.SendAsync(CreateBodies.Body([.. numbers, "+12025550001", "not a number"]));
        await tenant.WaitForStatusAsync(broadcast.Str("id"), "completed");

        // Other tests share this silo (and the process's meters), so counters grow by at least this broadcast's part.
        var after = await Eventually.ReadAsync(ScrapeAsync,
            m => Delta(before, m, "broadcast_messages_completed_total", "delivered") >= 250, "the delivered counter to move");
        Assert.True(Delta(before, after, "broadcast_messages_submitted_total", "accepted") >= 251);
        Assert.True(Delta(before, after, "broadcast_messages_completed_total", "failed") >= 1);
        Assert.True(Delta(before, after, "broadcast_credits_held_total") >= 2.51);
        Assert.True(Delta(before, after, "broadcast_credits_captured_total") >= 2.51);
        Assert.True(Delta(before, after, "broadcast_credits_topped_up_total") >= 100 || Value(before, "broadcast_credits_topped_up_total") >= 100);
        Assert.True(Value(after, "http_server_request_duration_seconds_count") > 0, "ASP.NET Core's request metrics are exported");
        Assert.Contains(after.Keys, k => k.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(after.Keys, k => k.StartsWith("dotnet_", StringComparison.Ordinal) || k.StartsWith("process_runtime_dotnet_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_need_no_key_and_never_name_a_number()
    {
        using var http = api.Anonymous();
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(PhoneNumber(), text);
    }

    async Task<Dictionary<string, double>> ScrapeAsync()
    {
        using var http = api.Anonymous();
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in Sample().Matches(text))
        {
            var outcome = OutcomeLabel().Match(m.Groups["labels"].Value) is { Success: true } o ? "|" + o.Groups[1].Value : "";
            var key = m.Groups["name"].Value + outcome;
            samples[key] = samples.GetValueOrDefault(key) + double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return samples;
    }

    static double Value(Dictionary<string, double> samples, string name, string? outcome = null) =>
        samples.GetValueOrDefault(outcome is null ? name : $"{name}|{outcome}");

    static double Delta(Dictionary<string, double> before, Dictionary<string, double> after, string name, string? outcome = null) =>
        Value(after, name, outcome) - Value(before, name, outcome);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN|\+Inf)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex("broadcast_message_outcome=\"([a-z_]+)\"")]
    private static partial Regex OutcomeLabel();

    [GeneratedRegex(@"\+\d{8,15}")]
    private static partial Regex PhoneNumber();
}
