using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Links;

/// <summary>
/// Counts the silo's queued clicks a few times a second: one call per partition (per recipient) or per broadcast
/// (aggregate) for the whole batch, never one per click. Clicks a call could not count go back in the queue; what is
/// queued at shutdown is counted before the silo stops.
/// </summary>
public sealed partial class ClickFlusher(LinkRedirects redirects, IGrainFactory grains, ILogger<ClickFlusher> logger)
    : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    const int ClicksPerFlush = 50_000;

    readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Counts every click queued so far.</summary>
    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            for (var clicks = redirects.Take(ClicksPerFlush); clicks.Count > 0; clicks = redirects.Take(ClicksPerFlush))
            {
                await Task.WhenAll(clicks.GroupBy(c => c.Block).Select(CountBlockAsync));
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    async Task CountBlockAsync(IGrouping<long, LinkRedirects.Click> clicks)
    {
        try
        {
            var block = await redirects.BlockAsync(clicks.Key);
            if (block is null)
            {
                return; // expired since the redirect: nothing left to count into
            }
            if (!block.PerRecipient)
            {
                await grains.GetGrain<IBroadcastClicksGrain>(block.BroadcastId).AddAsync(clicks.Count());
                return;
            }
            await Task.WhenAll(clicks.GroupBy(c => c.Index / block.PartitionSize).Select(async partition =>
            {
                try
                {
                    var indexes = partition.Select(c => c.Index % block.PartitionSize).ToArray();
                    var ordinals = partition.Select(c => (byte)c.Ordinal).ToArray();
                    await grains.GetGrain<IPartitionClicksGrain>(PartitionClicksKeys.Format(block.BroadcastId, partition.Key))
                        .RecordAsync(block, indexes, ordinals);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFlushFailed(logger, block.BroadcastId, e);
                    redirects.Requeue(partition);
                }
            }));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFlushFailed(logger, clicks.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), e);
            redirects.Requeue(clicks);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last flush follows.
        }
        await FlushAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting clicks of {Broadcast} failed; they are queued again")]
    static partial void LogFlushFailed(ILogger logger, string broadcast, Exception exception);
}
