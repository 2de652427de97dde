using BroadcastGrains.Partitions;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// A broadcast's figures from its partitions' estimates (at create, at a PATCH of the message, and when run 1 is
/// priced again): prepared counts, invalid recipients, credits, segments, encoding and the per-country breakdown.
/// </summary>
internal static class PlanFigures
{
    /// <summary>Takes the prepared counts and price of every partition into the broadcast's figures.</summary>
    public static void Apply(BroadcastState state, PartitionEstimate[] estimates)
    {
        state.Prepared = Prepared(estimates);
        state.InvalidCount = estimates.Sum(e => e.Counts[(int)RecipientStatus.Invalid]);
        state.EstimatedCredits = estimates.Sum(e => e.Credits);
        state.SegmentsPerMessage = estimates.Max(e => e.MaxSegments);
        state.Encoding = estimates.Any(e => e.Encoding == MessageEncoding.Ucs2) ? "UCS2" : "GSM7";
        state.Breakdown = MergeBreakdown(estimates);
    }

    /// <summary>Each partition's prepared counts as the progress of a run that has not sent yet (version -1: any report replaces it).</summary>
    public static PartitionProgress?[] Prepared(PartitionEstimate[] estimates) =>
        [.. estimates.Select((e, p) => (PartitionProgress?)new PartitionProgress(p, -1, e.Counts, 0, 0, false))];

    static List<CountryBreakdown> MergeBreakdown(IEnumerable<PartitionEstimate> estimates) =>
        estimates.SelectMany(e => e.Breakdown)
            .GroupBy(b => b.CountryCode, StringComparer.Ordinal)
            .Select(g => new CountryBreakdown(g.Key, g.Sum(b => b.Recipients), g.Sum(b => b.Segments),
                g.Sum(b => b.Credits), g.First().PricePerSegment))
            .OrderByDescending(b => b.Recipients)
            .ThenBy(b => b.CountryCode, StringComparer.Ordinal)
            .ToList();
}
