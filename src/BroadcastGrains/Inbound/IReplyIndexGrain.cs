using Orleans.Concurrency;

namespace BroadcastGrains.Inbound;

/// <summary>Whether a number was sent a message by one run of a broadcast. Keyed <c>{broadcastId}/{run}/{partitions}</c>.</summary>
[Alias("reply-index")]
internal interface IReplyIndexGrain : IGrainWithStringKey
{
    [Alias("contains"), ReadOnly]
    Task<bool> ContainsAsync(long phone);
}
