using BroadcastGrains.Broadcasts;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Retry runs reuse this slice rather than copying it into partitions of their own: the run's recipients (chosen by
/// <see cref="RetryRule"/>) go back to pending, their earlier attempts are counted in
/// <see cref="PartitionState.PriorAttempts"/>, and the slice reports and settles money for the retry run
/// (<see cref="PartitionState.ActiveRun"/>) from then on. Its reports still carry every recipient's latest status; the
/// counts of those outside the run are sent along (<see cref="PartitionState.RunBase"/>) so the run's own summary can
/// leave them out. A final recipient never changes except by a retry, so the estimate and the start choose the same ones.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    public async Task<PartitionEstimate> EstimateRetryAsync(RecipientStatus[] statuses)
    {
        var chosen = State.Slice is null || State.Phase != PartitionPhase.Done ? [] : RetryRule.Select(State, statuses, await OptedOutAsync(Slice));
        var counts = new long[RecipientStatuses.Count];
        counts[(int)RecipientStatus.Pending] = chosen.Count;
        var credits = chosen.Sum(State.CostOf);
        return new PartitionEstimate(counts, [], credits, chosen.Sum(i => (long)State.Segments[i]), 0, MessageEncoding.Gsm7, [], null);
    }

    public async Task StartRetryAsync(int run, RecipientStatus[] statuses)
    {
        if (State.ActiveRun == run || State.Slice is null)
        {
            EnsurePump();
            return;
        }
        if (State.Phase != PartitionPhase.Done)
        {
            throw new InvalidOperationException($"Partition {Key} is {State.Phase}; only a finished slice is retried.");
        }
        var now = SecondsSinceCreated();
        var chosen = RetryRule.Select(State, statuses, await OptedOutAsync(Slice));
        var prior = State.PriorAttempts ?? new byte[State.Statuses.Length];
        foreach (var index in chosen)
        {
            prior[index] = (byte)Math.Min(byte.MaxValue, RetryRule.Attempts(State, index));
        }
        foreach (var index in chosen)
        {
            State.Errors[index] = (byte)RecipientError.None;
            State.SetStatus(index, RecipientStatus.Pending, now);
        }
        State.PriorAttempts = prior;
        var outside = State.Counts.ToArray();
        outside[(int)RecipientStatus.Pending] -= chosen.Count;
        State.RunBase = outside;
        (State.CapturedBefore, State.RefundedBefore) = (State.Captured, State.Refunded);
        State.ActiveRun = run;
        State.Cursor = 0;
        State.StartedAt = time.GetUtcNow();
        State.Phase = PartitionPhase.Sending;
        State.Version++;
        _interrupted = false;
        _schedule.ForgetReport();
        await StoreAsync();
        EnsurePump();
    }
}
