using System.Diagnostics;
using System.Net.Http.Headers;
using BroadcastGrains.Cli.Tests.Hosting;
using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Cli.Tests.Shutdown;

/// <summary>
/// SIGTERM in the middle of a broadcast, with a client following it: the silo stops promptly and cleanly (open event
/// streams end instead of holding the server until the broadcast is over), and the follower sees its stream end.
/// </summary>
public sealed class GracefulShutdownTests
{
    const string AdminKey = "shutdown-tests-operator-key";

    [Fact]
    public async Task Sigterm_mid_broadcast_stops_the_silo_promptly_and_ends_open_streams()
    {
        await using var silo = await EmbeddedSilo.StartAsync(AdminKey, ClusterIds.Fresh(), new Dictionary<string, string>
        {
            ["Broadcast__Simulator__MessagesPerSecond"] = "200",
        });
        var client = await Bootstrap.CreateAsync(silo, credits: 100, AdminKey);
        var file = NumberFiles.WriteCsv(5_000); // 25 s at 200 a second: far from done when the signal comes
        try
        {
            var sent = await Broadcast.RunAsync(silo, "send", file, "--key", client.Key, "--from", client.Sender, "--body", "Hi", "--no-wait");
            Assert.True(sent.ExitCode == 0, sent.Output);
            var id = sent.Output[sent.Output.IndexOf("bc_", StringComparison.Ordinal)..].Split(':', ' ')[0];

            using var http = new HttpClient { BaseAddress = silo.Address, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", client.Key);
            using var stream = await http.GetAsync(new Uri($"/v1/broadcasts/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            var reading = new StreamReader(await stream.Content.ReadAsStreamAsync()).ReadToEndAsync();
            await Task.Delay(1_000);
            Assert.False(reading.IsCompleted, "the stream is open while the broadcast sends");

            var clock = Stopwatch.StartNew();
            var exitCode = await silo.TerminateAsync(TimeSpan.FromSeconds(20));

            Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none within 20 s"}\n{silo.Log}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {clock.Elapsed}");
            var events = await reading.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Contains("event: progress", events, StringComparison.Ordinal);
            Assert.DoesNotContain("\"status\":\"completed\"", events, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
