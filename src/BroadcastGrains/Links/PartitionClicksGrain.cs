using System.Globalization;
using BroadcastGrains.Partitions;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Links;

/// <summary>
/// Counts clicks per recipient a batch at a time, raises one <c>message.clicked</c> per click (the outbox drops them for
/// clients that did not subscribe) and reports the partition's running totals to the broadcast.
/// </summary>
/// <remarks>
/// A batch that fails before its counts are stored is queued again by the flusher and counted again from scratch: the
/// events go out first, with ids naming the recipient and which of its clicks it is, so the outbox keeps one of each.
/// Once stored, the batch never fails: a lost report to the broadcast is made good by the next (running totals).
/// </remarks>
[GrainType("partition-clicks")]
internal sealed partial class PartitionClicksGrain(
    [PersistentState("partition-clicks", StorageNames.Grains)] IPersistentState<PartitionClicksState> clicks,
    TimeProvider time,
    ILogger<PartitionClicksGrain> logger)
    : Grain, IPartitionClicksGrain
{
    const int FirstRun = 1;

    public async Task RecordAsync(LinkBlock block, int[] indexes, byte[] ordinals)
    {
        var counts = clicks.State.Counts;
        // The click number of each click of the batch, as it will be once stored (counts are not touched yet).
        var batch = new Dictionary<int, int>();
        var sequence = new int[indexes.Length];
        for (var k = 0; k < indexes.Length; k++)
        {
            var now = (batch.TryGetValue(indexes[k], out var seen) ? seen : counts.GetValueOrDefault(indexes[k])) + 1;
            batch[indexes[k]] = now;
            sequence[k] = now;
        }
        await RaiseAsync(block, indexes, ordinals, sequence);

        var unique = 0;
        foreach (var (index, now) in batch)
        {
            unique += counts.ContainsKey(index) ? 0 : 1;
            counts[index] = now;
        }
        clicks.State.Total += indexes.Length;
        clicks.State.Unique += unique;
        try
        {
            await clicks.WriteStateAsync();
        }
        catch
        {
            // The counts in memory now differ from the stored ones: read them again before the batch comes back.
            DeactivateOnIdle();
            throw;
        }
        try
        {
            await GrainFactory.GetGrain<IBroadcastClicksGrain>(block.BroadcastId)
                .ReportAsync(Partition(block), clicks.State.Total, clicks.State.Unique);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReportFailed(logger, this.GetPrimaryKeyString(), e);
        }
    }

    async Task RaiseAsync(LinkBlock block, int[] indexes, byte[] ordinals, int[] sequence)
    {
        var numbers = await GrainFactory.GetGrain<IRecipientPartitionGrain>(
            PartitionKeys.Format(block.BroadcastId, FirstRun, Partition(block))).GetNumbersAsync(indexes);
        var at = time.GetUtcNow();
        var events = new List<WebhookEvent>(indexes.Length);
        for (var k = 0; k < indexes.Length; k++)
        {
            var id = WebhookEventIds.Of(this.GetPrimaryKeyString(), indexes[k].ToString(CultureInfo.InvariantCulture),
                sequence[k].ToString(CultureInfo.InvariantCulture), WebhookEventTypes.MessageClicked);
            events.Add(new WebhookEvent(id, WebhookEventTypes.MessageClicked, at,
                Message: new MessageEventData(block.BroadcastId, PhoneNumberClassifier.Format(numbers[k]), "clicked", null,
                    Url: block.Urls[ordinals[k]])));
        }
        await GrainFactory.GetGrain<IWebhookOutboxGrain>(block.ClientId).EnqueueAsync(events);
    }

    int Partition(LinkBlock block) =>
        int.Parse(this.GetPrimaryKeyString().AsSpan(block.BroadcastId.Length + 1), CultureInfo.InvariantCulture);

    public Task<int[]> GetCountsAsync(int from, int count)
    {
        var counts = new int[Math.Max(count, 0)];
        if (clicks.State.Counts.Count > 0)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = clicks.State.Counts.GetValueOrDefault(from + i);
            }
        }
        return Task.FromResult(counts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting the clicks of {Partition} to its broadcast failed; the next batch reports them")]
    static partial void LogReportFailed(ILogger logger, string partition, Exception exception);
}

/// <summary>Clicks of the partition's recipients who clicked (sparse), and the partition's running totals.</summary>
[GenerateSerializer, Alias("partition-clicks-state")]
public sealed class PartitionClicksState
{
    [Id(0)] public Dictionary<int, int> Counts { get; set; } = [];
    [Id(1)] public long Total { get; set; }
    [Id(2)] public long Unique { get; set; }
}
