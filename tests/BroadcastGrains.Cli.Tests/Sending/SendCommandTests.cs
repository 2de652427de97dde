using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BroadcastGrains.Cli.Tests.Hosting;

namespace BroadcastGrains.Cli.Tests.Sending;

/// <summary><c>send</c> and <c>watch</c> against the real silo.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class SendCommandTests(SiloFixture silo)
{
    [Fact]
    public async Task Send_takes_a_100000_recipient_file_to_completion_showing_progress()
    {
        var client = await Bootstrap.CreateAsync(silo, credits: 1_500);
        var file = NumberFiles.WriteCsv(100_000);
        try
        {
            var run = await Broadcast.RunAsync(silo, "send", file, "--key", client.Key, "--from", client.Sender, "--body", "Hi {{first_name}}!");

            Assert.True(run.ExitCode == 0, run.Output + silo.Log);
            var id = BroadcastId().Match(run.Output).Value;
            Assert.Contains("100,000 recipients", run.Output, StringComparison.Ordinal);
            var progress = ProgressLine().Matches(run.Output).Select(m => long.Parse(m.Groups["final"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(progress.Count >= 2, $"expected progress lines while sending:\n{run.Output}");
            Assert.Equal(progress.Order(), progress); // never goes backwards
            Assert.Contains("completed: 100,000/100,000 final (100%), delivered 100,000", run.Output, StringComparison.Ordinal);
            Assert.Contains("Completed.", run.Output, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = silo.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", client.Key);
            var broadcast = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v1/broadcasts/{id}", UriKind.Relative)))!;
            Assert.Equal("completed", broadcast["status"]!.GetValue<string>());
            Assert.Equal(100_000, broadcast["drSummary"]!["delivered"]!.GetValue<long>());
            Assert.Equal(1_000m, broadcast["spentCredits"]!.GetValue<decimal>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Watch_follows_a_broadcast_that_send_left_running()
    {
        var client = await Bootstrap.CreateAsync(silo, credits: 50);
        var file = NumberFiles.WriteCsv(2_000);
        try
        {
            var sent = await Broadcast.RunAsync(silo, "send", file, "--key", client.Key, "--from", client.Sender, "--body", "Hello", "--no-wait");
            Assert.True(sent.ExitCode == 0, sent.Output);
            var id = BroadcastId().Match(sent.Output).Value;

            var watched = await Broadcast.RunAsync(silo, "watch", id, "--key", client.Key);

            Assert.True(watched.ExitCode == 0, watched.Output);
            Assert.Contains("completed: 2,000/2,000 final (100%), delivered 2,000", watched.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_refusal_shows_the_problems_title_code_and_detail_and_exits_1()
    {
        var client = await Bootstrap.CreateAsync(silo, credits: 0);
        var file = NumberFiles.WriteCsv(10);
        try
        {
            var run = await Broadcast.RunAsync(silo, "send", file, "--key", client.Key, "--from", client.Sender, "--body", "Hello");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Insufficient credits (INSUFFICIENT_CREDITS, HTTP 402)", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"\n  .*available", run.Output); // the detail, on its own line
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_wrong_key_is_unauthenticated_and_exits_1()
    {
        var run = await Broadcast.RunAsync(silo, "watch", "bc_aaaaaaaaaaaaaaaaaaaa", "--key", "bgk_not_a_key");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(UNAUTHENTICATED, HTTP 401)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("send", "{file}", "--key", "k", "--from", "MyShop")]
    [InlineData("send", "{file}", "--key", "k", "--from", "MyShop", "--body", "a", "--template", "b")]
    [InlineData("send", "no-such-file.csv", "--key", "k", "--from", "MyShop", "--body", "a")]
    [InlineData("watch")]
    [InlineData("admin", "bootstrap", "--name", "x", "--admin-key", "")]
    public async Task Command_line_mistakes_exit_2(params string[] args)
    {
        var file = NumberFiles.WriteCsv(1);
        try
        {
            var run = await Broadcast.RunAsync(silo, [.. args.Select(a => a == "{file}" ? file : a)]);
            Assert.True(run.ExitCode == 2, run.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"bc_[a-z0-9]+")]
    private static partial Regex BroadcastId();

    [GeneratedRegex(@"\] (sending|completed): (?<final>[\d,]+)/[\d,]+ final")]
    private static partial Regex ProgressLine();
}
