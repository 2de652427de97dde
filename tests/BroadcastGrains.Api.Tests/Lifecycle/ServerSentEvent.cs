using System.Text.Json.Nodes;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>One <c>text/event-stream</c> event: its name, its data as JSON, and when the client read it.</summary>
internal sealed record ServerSentEvent(string Name, JsonNode Data, TimeSpan ReadAt)
{
    /// <summary>
    /// Reads events (<c>event:</c> and <c>data:</c> lines, a blank line ends each) until the server ends the stream;
    /// fails the test if that takes longer than <paramref name="deadline"/>.
    /// </summary>
    public static async Task<List<ServerSentEvent>> ReadAllAsync(Stream stream, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var reader = new StreamReader(stream);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var events = new List<ServerSentEvent>();
        string? name = null;
        var data = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        events.Add(new ServerSentEvent(name ?? "message", JsonNode.Parse(string.Join('\n', data))!, clock.Elapsed));
                    }
                    (name, data) = (null, []);
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line["data:".Length..].TrimStart());
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"the event stream was still open after {deadline.TotalSeconds} s; read {events.Count} events: "
                + string.Join(", ", events.Select(e => $"{e.Name}:{e.Data["status"]}")));
        }
        Assert.True(name is null && data.Count == 0, "the stream ended in the middle of an event");
        return events;
    }
}
