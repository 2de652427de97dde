using System.Text.Json.Nodes;
using BroadcastGrains.Cli.Api;
using Spectre.Console;

namespace BroadcastGrains.Cli.Progress;

/// <summary>
/// Follows a broadcast over <c>GET /v1/broadcasts/{id}/events</c> until the <c>final</c> event: on a terminal with a
/// live progress display (one bar per drSummary status), elsewhere (CI logs, pipes) with a progress line a second.
/// A dropped stream is opened again a few times before giving up: the broadcast goes on regardless.
/// </summary>
internal static class BroadcastFollower
{
    const int Reconnects = 5;
    static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>The broadcast as the last event showed it.</summary>
    public static async Task<JsonNode> FollowAsync(ApiClient api, JsonNode broadcast, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new ProgressLines(console);
            return await StreamAsync(api, broadcast, lines.Show, cancellationToken);
        }
        var last = broadcast;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new ProgressBars(context, DrSummaryRows.Total(broadcast));
                bars.Show(broadcast, final: false);
                last = await StreamAsync(api, broadcast, bars.Show, cancellationToken);
            });
        return last;
    }

    static async Task<JsonNode> StreamAsync(ApiClient api, JsonNode broadcast, Action<JsonNode, bool> show, CancellationToken cancellationToken)
    {
        var id = broadcast["id"]!.GetValue<string>();
        var last = broadcast;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await api.OpenStreamAsync($"v1/broadcasts/{Uri.EscapeDataString(id)}/events", cancellationToken);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await foreach (var (type, data) in ServerSentEvents.ReadAsync(body, cancellationToken))
                {
                    last = JsonNode.Parse(data) ?? last;
                    var final = type == "final";
                    show(last, final);
                    if (final)
                    {
                        return last;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && attempt < Reconnects)
            {
                // The silo restarted or a proxy cut the stream: listen again.
            }
            if (attempt >= Reconnects)
            {
                throw new HttpRequestException($"the event stream of {id} ended {Reconnects + 1} times without a final event");
            }
            await Task.Delay(ReconnectDelay, cancellationToken);
        }
    }
}
