using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>A broadcast's figures added up from its partitions' estimates.</summary>
public sealed class PlanFiguresTests
{
    static PartitionEstimate Estimate(long invalid, decimal credits, int maxSegments, MessageEncoding encoding, params CountryBreakdown[] breakdown)
    {
        var counts = new long[RecipientStatuses.Count];
        counts[(int)RecipientStatus.Invalid] = invalid;
        return new PartitionEstimate(counts, breakdown, credits, 0, maxSegments, encoding, [], null);
    }

    [Fact]
    public void Partitions_add_up_to_the_broadcast_figures_and_one_ucs2_partition_makes_it_ucs2()
    {
        var state = new BroadcastState { Prepared = new PartitionProgress?[2] };

        PlanFigures.Apply(state, [
            Estimate(1, 2.5m, 1, MessageEncoding.Gsm7, new CountryBreakdown("US", 3, 3, 2.5m, 0.5m)),
            Estimate(2, 4m, 3, MessageEncoding.Ucs2, new CountryBreakdown("DE", 1, 3, 1m, 0.3m), new CountryBreakdown("US", 2, 6, 3m, 0.5m)),
        ]);

        Assert.Equal((3L, 6.5m, 3, "UCS2"), (state.InvalidCount, state.EstimatedCredits, state.SegmentsPerMessage, state.Encoding));
        Assert.Equal([new CountryBreakdown("US", 5, 9, 5.5m, 0.5m), new CountryBreakdown("DE", 1, 3, 1m, 0.3m)], state.Breakdown);
        Assert.Equal([0, 1], state.Prepared.Select(p => p!.Partition));
        Assert.Equal(2, state.Prepared[1]!.Counts[(int)RecipientStatus.Invalid]);
    }
}
