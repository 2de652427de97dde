using BroadcastGrains.Partitions;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>What a precheck answers from a plan that was priced and then discarded, and the client's wallet.</summary>
internal static class PrecheckViews
{
    public static PrecheckView Of(BroadcastPlan plan, WalletView wallet)
    {
        var state = plan.State;
        return new PrecheckView
        {
            TotalRecipients = state.RecipientCount,
            Invalid = state.InvalidCount,
            Duplicates = state.DuplicateCount,
            OptedOut = Prepared(state, RecipientStatus.OptedOut),
            Encoding = state.Encoding,
            SegmentsPerMessage = state.SegmentsPerMessage,
            TotalSegments = plan.Segments,
            TotalCredits = state.EstimatedCredits,
            WalletBalance = wallet.Balance,
            BalanceAfter = wallet.Available - state.EstimatedCredits,
            SufficientBalance = wallet.Available >= state.EstimatedCredits,
            Breakdown = state.Breakdown,
            Unroutable = plan.Unroutable,
            // At planning a blocked recipient is one without a route: the carrier has not refused anything yet.
            UnroutableCount = Prepared(state, RecipientStatus.Blocked),
            Countries = state.Breakdown.Select(b => b.CountryCode).Distinct(StringComparer.Ordinal).Count(),
            WalletCurrency = wallet.Currency,
        };
    }

    static long Prepared(BroadcastState state, RecipientStatus status) => state.Prepared.Sum(p => p!.Counts[(int)status]);
}
