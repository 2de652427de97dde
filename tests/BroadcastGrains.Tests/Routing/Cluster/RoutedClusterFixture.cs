using BroadcastGrains.Testing.Silo;

namespace BroadcastGrains.Tests.Routing.Cluster;

/// <summary>
/// One silo with two named simulator connectors (<c>sim-a</c>, <c>sim-b</c>) and an SMPP connector no SMSC answers
/// (<c>smsc-down</c>, which carries no MMS), for routing tests that need the table to decide where messages go.
/// </summary>
public sealed class RoutedClusterFixture : TestSilo
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:PartitionSize"] = "2000",
        ["Broadcast:Connectors:sim-a:Kind"] = "Simulator",
        ["Broadcast:Connectors:sim-a:ReceiptDelayMs"] = "20",
        ["Broadcast:Connectors:sim-a:DeliveredPercent"] = "100",
        ["Broadcast:Connectors:sim-a:FailedPercent"] = "0",
        ["Broadcast:Connectors:sim-b:Kind"] = "Simulator",
        ["Broadcast:Connectors:sim-b:ReceiptDelayMs"] = "20",
        ["Broadcast:Connectors:sim-b:DeliveredPercent"] = "100",
        ["Broadcast:Connectors:sim-b:FailedPercent"] = "0",
        ["Broadcast:Connectors:smsc-down:Kind"] = "Smpp",
        ["Broadcast:Connectors:smsc-down:Host"] = "127.0.0.1",
        ["Broadcast:Connectors:smsc-down:Port"] = "9",
        ["Broadcast:Connectors:smsc-down:Binds"] = "1",
    };
}

[CollectionDefinition(Name)]
public sealed class RoutedClusterCollection : ICollectionFixture<RoutedClusterFixture>
{
    public const string Name = "routed cluster";
}
