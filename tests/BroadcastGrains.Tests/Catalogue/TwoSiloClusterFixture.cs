using BroadcastGrains.Testing.Silo;

namespace BroadcastGrains.Tests.Catalogue;

/// <summary>Two in-process silos in one cluster: what holds "cluster-wide" must hold when calls come in through either.</summary>
public sealed class TwoSiloClusterFixture() : TestSilo(silos: 2)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Broadcast:PartitionSize"] = "2000" };
}
