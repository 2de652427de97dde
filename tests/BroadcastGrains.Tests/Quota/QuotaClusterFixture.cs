using BroadcastGrains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Quota;

/// <summary>
/// A cluster whose clock the tests set (<see cref="Clock"/>), so runs fall on a chosen UTC day, and whose carrier takes
/// 1,000 messages a second in batches of 20, slow enough to cancel a run mid-send with most of it unsent (in batches
/// of 500, ten partitions put 5,000 in flight: a cancel then found as few as 900 of 20,000 unsent).
/// </summary>
public sealed class QuotaClusterFixture : ClusterFixture
{
    internal ShiftedClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:Simulator:ReceiptDelayMs"] = "50",
        ["Broadcast:Simulator:MessagesPerSecond"] = "1000",
        ["Broadcast:PartitionSize"] = "2000",
        ["Broadcast:SubmitBatchSize"] = "20",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<TimeProvider>(Clock);
    }
}
