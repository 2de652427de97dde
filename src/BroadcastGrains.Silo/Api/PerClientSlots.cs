using System.Collections.Concurrent;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// Counts what each client holds open on this silo (streams, request bodies being read) against a ceiling of
/// <see cref="PerClient"/>; an emptied entry goes, so idle clients cost nothing.
/// </summary>
internal class PerClientSlots(int perClient)
{
    readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Slots one client may hold at once.</summary>
    public int PerClient { get; } = perClient;

    /// <summary>Takes a slot for <paramref name="clientId"/>; false when it already has <see cref="PerClient"/>.</summary>
    public bool TryTake(string clientId)
    {
        while (true)
        {
            var count = _open.GetOrAdd(clientId, 0);
            if (count >= PerClient)
            {
                return false;
            }
            if (_open.TryUpdate(clientId, count + 1, count))
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a slot taken with <see cref="TryTake"/>.</summary>
    public void Give(string clientId)
    {
        while (true)
        {
            var count = _open[clientId];
            if (count == 1 ? _open.TryRemove(new KeyValuePair<string, int>(clientId, 1)) : _open.TryUpdate(clientId, count - 1, count))
            {
                return;
            }
        }
    }
}
