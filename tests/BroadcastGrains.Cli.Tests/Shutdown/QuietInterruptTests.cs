using BroadcastGrains.Cli.Tests.Hosting;
using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Cli.Tests.Shutdown;

/// <summary>
/// Ctrl+C on the embedded default while a broadcast sends: the work the stop cuts short (partitions settling, reports
/// and webhooks to grains that can no longer be placed) used to print screens of error stack traces, although
/// in-memory storage keeps nothing anyway. The stop is one calm line now.
/// </summary>
public sealed class QuietInterruptTests
{
    const string AdminKey = "quiet-interrupt-operator-key";

    [Fact]
    public async Task Ctrl_C_mid_broadcast_on_the_embedded_default_ends_without_errors_or_stack_traces()
    {
        await using var silo = await EmbeddedSilo.StartAsync(AdminKey, ClusterIds.Fresh(), new Dictionary<string, string>
        {
            ["Broadcast__Simulator__MessagesPerSecond"] = "2000",
        });
        var client = await Bootstrap.CreateAsync(silo, credits: 1_000, AdminKey);
        var file = NumberFiles.WriteCsv(60_000); // 30 s at 2,000 a second: three partitions mid-send at the signal
        try
        {
            var sent = await Broadcast.RunAsync(silo, "send", file, "--key", client.Key, "--from", client.Sender, "--body", "Hi", "--no-wait");
            Assert.True(sent.ExitCode == 0, sent.Output);
            await Task.Delay(2_000);

            var exitCode = await silo.InterruptAsync(TimeSpan.FromSeconds(20));

            var log = silo.Log;
            Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none within 20 s"}\n{log}");
            var noisy = log.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal)
                || l.StartsWith("crit:", StringComparison.Ordinal)
                || l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToList();
            Assert.True(noisy.Count == 0, $"{noisy.Count} error or stack trace lines on Ctrl+C:\n{log}");
            Assert.Contains("Application is shutting down", log, StringComparison.Ordinal);
            // The stop's filter joins the configured levels; it must not open up debug output while the silo runs.
            Assert.DoesNotContain("dbug:", log, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
