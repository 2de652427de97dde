using BroadcastGrains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Quota;

/// <summary>
/// A cluster whose clock the tests set (<see cref="Clock"/>), so runs fall on a chosen UTC day, and whose carrier takes
/// 1,000 messages a second, slow enough to cancel a run mid-send.
/// </summary>
public sealed class QuotaClusterFixture : ClusterFixture
{
    public ShiftedClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:Simulator:ReceiptDelayMs"] = "50",
        ["Broadcast:Simulator:MessagesPerSecond"] = "1000",
        ["Broadcast:PartitionSize"] = "2000",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
