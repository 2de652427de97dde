using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;
using BroadcastGrains.Tests.Cluster;
using Orleans.Core.Internal;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// With storage that dies with the silo (memory mode) a prepared partition is written when its activation ends, not
/// during the create: a draft whose partitions were deactivated in between still has every recipient and sends them all.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PreparedDeactivationTests(ClusterFixture cluster)
{
    const int Count = 300;

    [Fact]
    public async Task A_drafts_partition_deactivated_before_send_now_keeps_its_recipients_and_sends_them()
    {
        var (clientId, broadcast, partition) = await LifecycleKit.DraftWithPartitionAsync(cluster.Grains, Count);
        var submittedBefore = cluster.Carrier.Submitted;

        await partition.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        // Answered by the next activation, which has only what storage kept.
        var pending = await partition.GetRecipientsAsync(0, Count, RecipientStatus.Pending);
        Assert.Equal(Count, pending.Items.Count);
        Assert.Null((await broadcast.SendNowAsync(clientId)).Error);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal(Count, done.DrSummary.Delivered);
        Assert.Equal(Count, cluster.Carrier.Submitted - submittedBefore);
    }
}
