using BroadcastGrains.Carrier.Smpp.Directory;
using BroadcastGrains.Carrier.Smpp.Protocol;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Receipts;

/// <summary>One batch: resolve, reconcile, tally, route, forget, answer.</summary>
internal sealed partial class SmppReceiptPipeline
{
    // An outcome a partition keeps refusing is retried this long; then the receipt window decides its recipient.
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    /// <summary>An outcome to route to recipient <see cref="Entry"/>, first seen at <see cref="Since"/>.</summary>
    readonly record struct Decision(DirectoryEntry Entry, ReceiptOutcome Outcome, string? Error, DateTimeOffset Since);

    async Task ProcessAsync(List<PendingReceipt> batch, DateTimeOffset now)
    {
        var wait = new List<PendingReceipt>();
        var refused = new List<PendingReceipt>();
        var unmatched = 0;
        try
        {
            var lookup = batch.Where(r => r.Entry is null).ToList();
            var late = new List<PendingReceipt>();
            var entries = await _directory.ResolveAsync(lookup.Select(r => r.MessageId).ToList());
            for (var i = 0; i < lookup.Count; i++)
            {
                if (entries[i] is { } entry)
                {
                    (lookup[i].Entry, lookup[i].ResolvedById) = (entry, true);
                    _unknown.Matched(lookup[i].MessageId);
                }
                else
                {
                    (now - lookup[i].FirstSeen < _grace ? wait : late).Add(lookup[i]);
                }
            }
            if (late.Count > 0)
            {
                var claimed = await _directory.ClaimByAddressAsync(late.Select(r => r.AddressKey).ToList());
                for (var i = 0; i < late.Count; i++)
                {
                    late[i].Entry = claimed[i];
                    if (claimed[i] is not null)
                    {
                        _unknown.Matched(late[i].MessageId);
                    }
                    else if (late[i].Ack is not null && _unknown.Refuse(late[i].MessageId, now))
                    {
                        refused.Add(late[i]);
                    }
                    else
                    {
                        unmatched++;
                    }
                }
            }
            var resolved = batch.Where(r => r.Entry is not null).ToList();
            RetryUndelivered(await RouteAsync(await DecideAsync(resolved), now), now);
            await _directory.ForgetAsync(resolved.Where(r => r.ResolvedById).Select(r => r.MessageId).ToList());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFailed(e, batch.Count);
            foreach (var receipt in batch)
            {
                // The SMSC sends an answered-with-error receipt again; one of our own is retried here.
                receipt.Ack?.Invoke(SmppStatus.TemporaryAppError);
                if (receipt.Ack is null)
                {
                    receipt.NextTry = now + AfterFailure;
                    _parked.Add(receipt);
                }
            }
            return;
        }
        foreach (var receipt in batch.Except(wait).Except(refused))
        {
            receipt.Ack?.Invoke(SmppStatus.Ok);
        }
        foreach (var receipt in refused)
        {
            // Not ours yet: the SMSC keeps it and sends it again, by when its registration may have come back.
            receipt.Ack!.Invoke(SmppStatus.TemporaryAppError);
        }
        if (refused.Count > 0)
        {
            Interlocked.Add(ref _refused, refused.Count);
            LogRefusedUnknown(refused.Count, _grace.TotalMilliseconds);
        }
        foreach (var receipt in wait)
        {
            receipt.NextTry = now + LookAgainEvery;
            _parked.Add(receipt);
        }
        if (unmatched > 0)
        {
            Interlocked.Add(ref _unmatched, unmatched);
            LogUnmatched(unmatched, _grace.TotalMilliseconds);
        }
    }

    /// <summary>The outcomes to route: one-part messages at once, long ones when their parts decide.</summary>
    async Task<List<Decision>> DecideAsync(List<PendingReceipt> resolved)
    {
        var decided = new List<Decision>();
        var parts = new List<PartReport>();
        var since = new List<DateTimeOffset>();
        foreach (var receipt in resolved)
        {
            if (receipt.Entry!.Parts > 1 && receipt.Entry.MessageKey is not null)
            {
                parts.Add(new PartReport(receipt.Entry, receipt.Outcome, receipt.Error));
                since.Add(receipt.FirstSeen);
            }
            else
            {
                decided.Add(new Decision(receipt.Entry, receipt.Outcome, receipt.Error, receipt.FirstSeen));
            }
        }
        if (parts.Count > 0)
        {
            var verdicts = await _directory.AggregateAsync(parts);
            for (var i = 0; i < parts.Count; i++)
            {
                if (verdicts[i].Decided)
                {
                    decided.Add(new Decision(parts[i].Entry, verdicts[i].Outcome, verdicts[i].Error, since[i]));
                }
            }
        }
        return decided;
    }

    /// <summary>Delivers one batch per partition; answers the outcomes of partitions that failed to take theirs.</summary>
    async Task<List<Decision>> RouteAsync(List<Decision> decided, DateTimeOffset at)
    {
        var failed = new List<Decision>();
        await Task.WhenAll(decided.GroupBy(d => d.Entry.PartitionKey, StringComparer.Ordinal).Select(async group =>
        {
            var items = group.ToList();
            var errors = items.Any(i => i.Error is not null) ? items.Select(i => i.Error).ToArray() : null;
            var batch = new ReceiptBatch([.. items.Select(i => i.Entry.Index)], [.. items.Select(i => i.Outcome)], errors, at);
            try
            {
                await _sink.DeliverAsync(group.Key, batch, _stopping.Token);
                Interlocked.Add(ref _routed, items.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPartitionFailed(e, group.Key, items.Count);
                lock (failed)
                {
                    failed.AddRange(items);
                }
            }
        }));
        return failed;
    }

    /// <summary>
    /// Keeps outcomes a partition could not take and delivers them again from here (their deliver_sm is answered and
    /// their ids forgotten as usual: a long message's tally has already decided and would not decide twice).
    /// </summary>
    void RetryUndelivered(List<Decision> failed, DateTimeOffset now)
    {
        foreach (var (entry, outcome, error, since) in failed)
        {
            if (now - since > GiveUpAfter)
            {
                LogOutcomeDropped(entry.PartitionKey, entry.Index, GiveUpAfter.TotalMinutes);
                continue;
            }
            _parked.Add(new PendingReceipt
            {
                MessageId = "", AddressKey = "", Outcome = outcome, Error = error, FirstSeen = since,
                Entry = new DirectoryEntry(entry.PartitionKey, entry.Index, null, 1, 1), NextTry = now + AfterFailure,
            });
        }
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Warning,
        Message = "SMPP receipts: handling a batch of {Count} failed; the SMSC will deliver them again")]
    partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(EventId = 133, Level = LogLevel.Error,
        Message = "SMPP receipts: partition {PartitionKey} took no receipt for recipient {Index} in {Minutes} minutes; dropped")]
    partial void LogOutcomeDropped(string partitionKey, int index, double minutes);

    [LoggerMessage(EventId = 132, Level = LogLevel.Warning,
        Message = "SMPP receipts: partition {PartitionKey} did not take {Count} receipts; retrying them")]
    partial void LogPartitionFailed(Exception exception, string partitionKey, int count);

    [LoggerMessage(EventId = 134, Level = LogLevel.Information,
        Message = "SMPP receipts: {Count} receipts matched no message of ours after {GraceMs} ms; refused for now, the SMSC sends them again")]
    partial void LogRefusedUnknown(int count, double graceMs);

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning,
        Message = "SMPP receipts: {Count} receipts matched no message of ours after {GraceMs} ms; dropped")]
    partial void LogUnmatched(int count, double graceMs);
}
