using System.Text.RegularExpressions;
using BroadcastGrains.Cli.Tests.Hosting;

namespace BroadcastGrains.Cli.Tests.Operations;

/// <summary>
/// "curl /metrics during a broadcast shows the message counters moving", against the silo process: the submitted and
/// completed counters grow while the broadcast sends, and end up counting all of it, with the credits it moved.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed partial class MetricsDuringBroadcastTests(SiloFixture silo)
{
    const int Recipients = 60_000;

    [Fact]
    public async Task The_message_and_credit_counters_move_while_a_broadcast_sends()
    {
        var client = await Bootstrap.CreateAsync(silo, credits: 1_000);
        var file = NumberFiles.WriteCsv(Recipients);
        try
        {
            var before = await PrometheusText.ScrapeAsync(silo.Address);
            var sent = await Broadcast.RunAsync(silo, "send", file, "--key", client.Key, "--from", client.Sender, "--body", "Hi", "--no-wait");
            Assert.True(sent.ExitCode == 0, sent.Output);

            // Scrape as an operator's `watch curl` would, until everything is counted; keep the distinct readings.
            var readings = new List<double>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            PrometheusText now;
            do
            {
                await Task.Delay(50);
                now = await PrometheusText.ScrapeAsync(silo.Address);
                var delivered = Delta(before, now, "broadcast_messages_completed_total", "delivered");
                if (readings.Count == 0 || readings[^1] != delivered)
                {
                    readings.Add(delivered);
                }
            }
            while (readings[^1] < Recipients && DateTime.UtcNow < deadline);

            Assert.True(readings[^1] >= Recipients, $"delivered counter at {readings[^1]}: {now}");
            // One reading strictly between none and all shows the counter moving mid-send; a fast machine can finish
            // 60,000 in two export intervals, so asking for two such readings failed now and then.
            Assert.True(readings.Count(r => r > 0 && r < Recipients) >= 1, $"the counter moved in steps while sending: {string.Join(", ", readings)}");
            Assert.True(Delta(before, now, "broadcast_messages_submitted_total", "accepted") >= Recipients, now.ToString());
            Assert.True(Delta(before, now, "broadcast_credits_held_total") >= Recipients * 0.01 - 0.001, now.ToString());
            Assert.True(Delta(before, now, "broadcast_credits_captured_total") >= Recipients * 0.01 - 0.001, now.ToString());
            Assert.True(now["broadcast_credits_topped_up_total"] >= 1_000, now.ToString());
            Assert.True(now["http_server_request_duration_seconds_count"] > 0, "ASP.NET Core's request metrics are exported");
            Assert.Contains(now.Names, n => n.StartsWith("orleans_", StringComparison.Ordinal));
            Assert.Contains(now.Names, n => n.StartsWith("dotnet_", StringComparison.Ordinal));
            Assert.DoesNotMatch(PhoneNumber(), now.Text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    static double Delta(PrometheusText before, PrometheusText after, string name, string? outcome = null) =>
        after[name, outcome] - before[name, outcome];

    [GeneratedRegex(@"\+\d{8,15}")]
    private static partial Regex PhoneNumber();
}
