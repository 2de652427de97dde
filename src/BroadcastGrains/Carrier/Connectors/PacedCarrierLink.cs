using System.Runtime.ExceptionServices;
using BroadcastGrains.Carrier.Connectors.Rate;
using BroadcastGrains.Telemetry;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// A connector's link under its limits: first its <c>DailyLimit</c> (what is over it is answered
/// <see cref="SubmitStatus.RetryLater"/> with <see cref="DailyLimitReached"/>, so it waits for the next UTC day within
/// its validity), then its <c>MaxSubmitsPerSecond</c>: the batch goes to the carrier in slices as the
/// <see cref="ConnectorRateGate"/> lets their parts through, each slice submitted while the next one waits.
/// </summary>
public sealed class PacedCarrierLink(ICarrierLink inner, ConnectorRateGate? rate, DailyAllowance? daily,
    ConnectorMetrics? metrics = null) : ICarrierLink
{
    /// <summary>The longest one batch waits for the rate before what is left of it is answered "later".</summary>
    public static readonly TimeSpan RateWait = TimeSpan.FromSeconds(1);

    /// <summary>The <see cref="SubmitResult.Error"/> of a message not let through by the rate within <see cref="RateWait"/>.</summary>
    public const string RateWaitOver = "rate";

    /// <summary>The <see cref="SubmitResult.Error"/> of a message held back by the connector's daily limit.</summary>
    public const string DailyLimitReached = "daily_limit";

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public async ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (allowed, takenOn, takenParts) = await AllowedTodayAsync(batch, results);
        if (allowed == 0)
        {
            return;
        }
        var accepted = 0L;
        try
        {
            await SubmitPacedAsync(batch, allowed, results, cancellationToken);
            accepted = AcceptedParts(batch, allowed, results.Span);
        }
        finally
        {
            // A throw means the carrier took none of it: every part taken today goes back.
            daily?.GiveBack(takenOn, takenParts - accepted);
        }
    }

    /// <summary>How many messages from the start fit today's allowance; the rest are answered "later".</summary>
    async ValueTask<(int Count, DateOnly Day, long Parts)> AllowedTodayAsync(SubmitBatch batch, Memory<SubmitResult> results)
    {
        if (daily is null)
        {
            return (batch.Count, default, 0);
        }
        var wanted = 0L;
        for (var i = 0; i < batch.Count; i++)
        {
            wanted += BatchSlices.PartsOf(batch, i);
        }
        var (granted, day) = await daily.TakeAsync(wanted);
        var (count, parts) = (0, 0L);
        while (count < batch.Count && parts + BatchSlices.PartsOf(batch, count) <= granted)
        {
            parts += BatchSlices.PartsOf(batch, count++);
        }
        results.Span[count..batch.Count].Fill(new SubmitResult(SubmitStatus.RetryLater, null, DailyLimitReached));
        metrics?.Held(inner.Name, wanted - parts);
        daily.GiveBack(day, granted - parts);
        return (count, day, parts);
    }

    async ValueTask SubmitPacedAsync(SubmitBatch batch, int end, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        if (rate is null)
        {
            await inner.SubmitAsync(end == batch.Count ? batch : BatchSlices.Slice(batch, 0, end), results[..end], cancellationToken);
            return;
        }
        var bounds = new List<(int Start, int Count)>();
        var parts = new List<int>();
        for (var start = 0; start < end;)
        {
            var (count, sliceParts) = BatchSlices.Next(batch, start, end, rate.SliceParts);
            bounds.Add((start, count));
            parts.Add(sliceParts);
            start += count;
        }
        // A partition waits here inside its grain turn, where its receipts wait too: past RateWait what was not let
        // through goes back as "later", the partition takes its receipts, and queues again behind the others.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(RateWait);
        var letThrough = rate.Reserve(BatchSlices.FlowOf(batch), parts, waiting.Token);
        var slices = new List<(Task Submit, int Start, int Count)>();
        for (var k = 0; k < bounds.Count; k++)
        {
            var (start, count) = bounds[k];
            try
            {
                await letThrough[k];
            }
            catch (OperationCanceledException)
            {
                if (slices.Count == 0 && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                // Interrupted, or waited long enough: what was not let through stays unsent.
                results.Span[start..end].Fill(new SubmitResult(SubmitStatus.RetryLater, null, RateWaitOver));
                break;
            }
            slices.Add((inner.SubmitAsync(BatchSlices.Slice(batch, start, count), results.Slice(start, count),
                cancellationToken).AsTask(), start, count));
        }
        await AwaitSlicesAsync(slices, results);
    }

    static async Task AwaitSlicesAsync(List<(Task Submit, int Start, int Count)> slices, Memory<SubmitResult> results)
    {
        Exception? failure = null;
        var reached = false;
        foreach (var (submit, start, count) in slices)
        {
            try
            {
                await submit;
                reached = true;
            }
            catch (Exception e)
            {
                // A link throws only when it took none of that slice: those messages go back to pending.
                failure ??= e;
                results.Span.Slice(start, count).Fill(new SubmitResult(SubmitStatus.RetryLater, null, e.Message));
            }
        }
        if (failure is not null && !reached)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    static long AcceptedParts(SubmitBatch batch, int end, ReadOnlySpan<SubmitResult> results)
    {
        var parts = 0L;
        for (var i = 0; i < end; i++)
        {
            parts += results[i].Status == SubmitStatus.Accepted ? BatchSlices.PartsOf(batch, i) : 0;
        }
        return parts;
    }
}
