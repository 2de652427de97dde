using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>Slices planned the way a partition plans them: valid New York numbers, a one-segment body, 0.01 a segment.</summary>
internal static class Slices
{
    public const decimal Price = 0.01m;

    /// <summary>+1 212 234 1000, 1001, …: valid, and of one country.</summary>
    public static long Number(int i) => 1_212_234_1000L + i;

    public static PartitionSlice Slice(int count, bool refundFailed = true, int validityMinutes = 60) =>
        new("client-1", "bc_1", new MessageSpec("MyShop", "Sale ends Sunday", null, validityMinutes),
            new PriceTable(Price, 0.02m, new Dictionary<string, decimal?>()), refundFailed,
            [.. Enumerable.Range(0, count).Select(Number)], [], [], VariableTable.Empty);

    /// <summary>A planned state, every recipient pending; <paramref name="journaled"/> notes changes as a durable journal does.</summary>
    public static PartitionState Planned(int count, bool refundFailed = true, bool journaled = false)
    {
        var state = new PartitionState();
        var estimate = SlicePlanner.Plan(Slice(count, refundFailed), state, PhoneNumberClassifier.Shared);
        Assert.Null(estimate.Error);
        state.Changed = journaled ? [] : null;
        return state;
    }
}
