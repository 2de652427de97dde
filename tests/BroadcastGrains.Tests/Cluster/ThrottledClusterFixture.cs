namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A cluster whose carrier takes 2,000 messages a second and reports a fifth of them failed: slow enough to pause or
/// cancel a broadcast mid-send, with failures to refund.
/// </summary>
public sealed class ThrottledClusterFixture : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:Simulator:TrackSubmissions"] = "true",
        ["Broadcast:Simulator:ReceiptDelayMs"] = "50",
        ["Broadcast:Simulator:MessagesPerSecond"] = "2000",
        ["Broadcast:Simulator:FailedPercent"] = "20",
        ["Broadcast:PartitionSize"] = "2000",
    };
}
