using System.Collections.Concurrent;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// Counts each client's open event streams on this silo: a stream holds a connection and polls its broadcast
/// every half second for as long as it stays open, so a client may keep at most <see cref="PerClient"/> of them.
/// </summary>
internal sealed class EventStreamSlots
{
    public const int PerClient = 10;

    readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for <paramref name="clientId"/>; false when it already has <see cref="PerClient"/>.</summary>
    public bool TryTake(string clientId)
    {
        while (true)
        {
            var count = open.GetOrAdd(clientId, 0);
            if (count >= PerClient)
            {
                return false;
            }
            if (open.TryUpdate(clientId, count + 1, count))
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a slot taken with <see cref="TryTake"/>; an emptied entry goes, so idle clients cost nothing.</summary>
    public void Give(string clientId)
    {
        while (true)
        {
            var count = open[clientId];
            if (count == 1 ? open.TryRemove(new KeyValuePair<string, int>(clientId, 1)) : open.TryUpdate(clientId, count - 1, count))
            {
                return;
            }
        }
    }
}
