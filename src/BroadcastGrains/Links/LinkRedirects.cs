using System.Collections.Concurrent;
using BroadcastGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Links;

/// <summary>
/// What <c>GET /l/{code}</c> does on every silo: decode the code, find its block (asked of the block's grain once,
/// then kept), and queue the click for <see cref="ClickFlusher"/>, so a redirect costs no grain call of its own.
/// </summary>
public sealed class LinkRedirects(IGrainFactory grains, [FromKeyedServices(BroadcastClock.Key)] TimeProvider time)
{
    static readonly TimeSpan UnknownBlockKept = TimeSpan.FromMinutes(1);

    readonly ConcurrentDictionary<long, (LinkBlock? Block, DateTimeOffset Until)> _blocks = new();
    readonly ConcurrentQueue<Click> _pending = new();
    ulong _key;

    /// <summary>A click waiting to be counted: link <see cref="Ordinal"/> of <see cref="Block"/> by recipient <see cref="Index"/>.</summary>
    public readonly record struct Click(long Block, int Ordinal, int Index);

    /// <summary>Clicks queued and not yet counted.</summary>
    public int Pending => _pending.Count;

    /// <summary>The original URL of <paramref name="code"/>, with its click queued; null for a code that is not one (404).</summary>
    public async ValueTask<string?> ResolveAsync(string code)
    {
        if (_key == 0)
        {
            _key = await grains.GetGrain<ILinkDirectoryGrain>(ILinkDirectoryGrain.Key).GetKeyAsync();
        }
        if (!LinkCode.TryDecode(_key, code, out var number, out var ordinal, out var index))
        {
            return null;
        }
        var block = await BlockAsync(number);
        if (block is null || ordinal >= block.Urls.Length || block.PerRecipient == (index == LinkCode.Aggregate))
        {
            return null;
        }
        _pending.Enqueue(new Click(number, ordinal, index));
        return block.Urls[ordinal];
    }

    /// <summary>Takes up to <paramref name="max"/> queued clicks.</summary>
    internal List<Click> Take(int max)
    {
        var taken = new List<Click>(Math.Min(max, _pending.Count));
        while (taken.Count < max && _pending.TryDequeue(out var click))
        {
            taken.Add(click);
        }
        return taken;
    }

    /// <summary>Puts clicks back that could not be counted now.</summary>
    internal void Requeue(IEnumerable<Click> clicks)
    {
        foreach (var click in clicks)
        {
            _pending.Enqueue(click);
        }
    }

    /// <summary>The block of <paramref name="number"/> as its silo last learned it (a known one until it expires).</summary>
    internal async ValueTask<LinkBlock?> BlockAsync(long number)
    {
        var now = time.GetUtcNow();
        if (_blocks.TryGetValue(number, out var known) && known.Until > now)
        {
            return known.Block;
        }
        var block = await grains.GetGrain<ILinkBlockGrain>(number).GetAsync();
        // An unknown block is asked again a minute later: it may be a broadcast being created right now.
        _blocks[number] = (block, block?.ExpiresAt ?? now + UnknownBlockKept);
        return block;
    }
}
