using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Links;

/// <summary>A block's record; it forgets the block once <c>RetentionDays</c> have passed (read on the broadcasts' clock).</summary>
[GrainType("link-block")]
internal sealed class LinkBlockGrain(
    [PersistentState("link-block", StorageNames.Grains)] IPersistentState<LinkBlockState> stored,
    [FromKeyedServices(BroadcastClock.Key)] TimeProvider time)
    : Grain, ILinkBlockGrain
{
    public async Task RegisterAsync(LinkBlock block)
    {
        stored.State.Block = block;
        await stored.WriteStateAsync();
    }

    public async Task<LinkBlock?> GetAsync()
    {
        if (stored.State.Block is { } block && block.ExpiresAt <= time.GetUtcNow())
        {
            // Past RetentionDays the links are gone for good: nothing of them is kept.
            await stored.ClearStateAsync();
            stored.State.Block = null;
        }
        return stored.State.Block;
    }
}

/// <summary>The stored block, null once expired.</summary>
[GenerateSerializer, Alias("link-block-state")]
public sealed class LinkBlockState
{
    [Id(0)] public LinkBlock? Block { get; set; }
}
