using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>
/// API.md <c>POST …/retry</c>: which recipients a retry run sends to again. Only the statuses asked for (default
/// <c>failed</c> and <c>timeout</c>; at most <c>failed</c>, <c>timeout</c> and <c>expired</c>), never a permanent
/// failure (an invalid number, no route, a carrier's refusal, MMS nowhere to go), never a number on the opt-out list now.
/// </summary>
public static class RetryRule
{
    /// <summary>What a retry to no statuses in particular retries.</summary>
    public static readonly RecipientStatus[] DefaultStatuses = [RecipientStatus.Failed, RecipientStatus.Timeout];

    /// <summary>The statuses a client may ask a retry for.</summary>
    public static readonly RecipientStatus[] Retryable = [RecipientStatus.Failed, RecipientStatus.Timeout, RecipientStatus.Expired];

    /// <summary>True when a recipient whose latest attempt ended <paramref name="status"/> with <paramref name="error"/> is sent again.</summary>
    public static bool Retries(RecipientStatus status, RecipientError error, IReadOnlyCollection<RecipientStatus> asked, bool optedOutNow) =>
        !optedOutNow && asked.Contains(status) && Retryable.Contains(status) && !IsPermanent(error);

    /// <summary>Errors that another attempt cannot fix.</summary>
    public static bool IsPermanent(RecipientError error) => error is RecipientError.InvalidNumber or RecipientError.NoRoute
        or RecipientError.CarrierRejected or RecipientError.MmsNotSupported;

    /// <summary>The positions of <paramref name="state"/>'s slice a retry sends to.</summary>
    public static List<int> Select(PartitionState state, IReadOnlyCollection<RecipientStatus> asked, IReadOnlySet<int>? optedOut)
    {
        var chosen = new List<int>();
        for (var i = 0; i < state.Statuses.Length; i++)
        {
            if (Retries((RecipientStatus)state.Statuses[i], (RecipientError)state.Errors[i], asked, optedOut?.Contains(i) == true))
            {
                chosen.Add(i);
            }
        }
        return chosen;
    }

    /// <summary>
    /// Submissions so far of recipient <paramref name="index"/>: those of earlier runs of this slice, plus one when its
    /// latest attempt reached a carrier (charged, or refused by the carrier).
    /// </summary>
    public static int Attempts(PartitionState state, int index)
    {
        var earlier = state.PriorAttempts is { } prior ? prior[index] : 0;
        var reached = state.WasCharged(index)
            || ((RecipientStatus)state.Statuses[index] == RecipientStatus.Blocked && (RecipientError)state.Errors[index] == RecipientError.CarrierRejected);
        return earlier + (reached ? 1 : 0);
    }
}
