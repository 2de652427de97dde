using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>A priced broadcast whose partitions are prepared, or why it cannot be.</summary>
internal sealed record BroadcastPlan(
    BroadcastState State,
    ClientProfile Client,
    long Segments,
    IReadOnlyList<string> Unroutable,
    BroadcastError? Error)
{
    public static BroadcastPlan Refused(BroadcastError error) =>
        new(new BroadcastState(), new ClientProfile { Id = "", Name = "" }, 0, [], error);
}
