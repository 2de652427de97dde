using Orleans.Concurrency;

namespace BroadcastGrains.Inbound;

/// <summary>
/// The runs a client started in the last <see cref="RecentBroadcastsGrain.Window"/> (a few rows, not recipients), so a
/// reply finds the broadcast it answers. Keyed by client id.
/// </summary>
[Alias("recent-broadcasts")]
internal interface IRecentBroadcastsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Remembers that run <paramref name="run"/> of a broadcast started sending from the sender whose directory key is
    /// <paramref name="senderKey"/> (idempotent).
    /// </summary>
    [Alias("record")]
    Task RecordAsync(string broadcastId, int run, int partitions, DateTimeOffset startedAt, string senderKey);

    /// <summary>The newest recent broadcast that sent to <paramref name="phone"/> from the sender <paramref name="senderKey"/>, or null.</summary>
    [Alias("find"), ReadOnly]
    Task<string?> FindAsync(long phone, string senderKey);
}
