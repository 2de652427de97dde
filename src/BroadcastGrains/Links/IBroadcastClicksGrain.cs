using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Links;

/// <summary>
/// A broadcast's click totals, keyed by the broadcast id. Per-recipient partitions report their running totals (so a
/// report that is repeated or lost is made good by the next one); aggregate links add a batch of clicks at a time.
/// </summary>
[Alias("broadcast-clicks-grain")]
public interface IBroadcastClicksGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="total"/> clicks on aggregate links (no recipient is known).</summary>
    [Alias("add")]
    Task AddAsync(long total);

    /// <summary>Partition <paramref name="partition"/>'s clicks so far; an older report than the one kept changes nothing.</summary>
    [Alias("report")]
    Task ReportAsync(int partition, long total, long unique);

    [Alias("get"), Orleans.Concurrency.ReadOnly]
    Task<ClickTotals> GetAsync();
}
