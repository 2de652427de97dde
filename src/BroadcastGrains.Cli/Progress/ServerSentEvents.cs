using System.Runtime.CompilerServices;
using System.Text;

namespace BroadcastGrains.Cli.Progress;

/// <summary>Reads a <c>text/event-stream</c> body into (event, data) pairs.</summary>
internal static class ServerSentEvents
{
    public static async IAsyncEnumerable<(string Event, string Data)> ReadAsync(Stream body,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var type = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return (type, data.ToString());
                }
                type = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }
                data.Append(line.AsSpan("data:".Length).TrimStart(' '));
            }
        }
        if (data.Length > 0)
        {
            yield return (type, data.ToString());
        }
    }
}
