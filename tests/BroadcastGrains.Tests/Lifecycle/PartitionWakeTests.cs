using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// A run's partitions are started after the create has its answer, so a start can be lost (a failed call, a lost
/// silo). The broadcast's periodic wake of a sending run is what starts such a partition; a plain wake never does.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PartitionWakeTests(ClusterFixture cluster)
{
    const int Count = 300;

    [Fact]
    public async Task A_prepared_partition_starts_on_a_sending_wake_and_never_on_a_plain_one()
    {
        // A draft's partition is prepared and never told to start: what a partition whose start was lost looks like.
        var (clientId, broadcast, partition) = await LifecycleKit.DraftWithPartitionAsync(cluster.Grains, Count);
        var submittedBefore = cluster.Carrier.Submitted;

        await partition.WakeAsync();
        await partition.WakeAsync();
        // The same round trip that a sending wake's own start would take: a plain wake queued none.
        await partition.GetRecipientsAsync(0, 1, null);
        Assert.Equal(submittedBefore, cluster.Carrier.Submitted);
        Assert.Equal(Count, (await partition.GetRecipientsAsync(0, Count, RecipientStatus.Pending)).Items.Count);

        await partition.WakeSendingAsync();

        await Eventually.ReadAsync(() => cluster.Carrier.Submitted - submittedBefore, submitted => submitted == Count,
            TimeSpan.FromSeconds(30), $"the {Count} recipients submitted");
        Assert.Empty((await partition.GetRecipientsAsync(0, Count, RecipientStatus.Pending)).Items);
        await broadcast.CancelAsync(clientId);
    }
}
