using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// A partition's report that it is done can be lost with the broadcast's silo: refused while that silo is dead but not
/// yet declared so, or taken by a broadcast that died before storing it. The broadcast finishes a run on those reports
/// alone, so a lost one must be made good, or the broadcast never completes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LostReportTests(ClusterFixture cluster)
{
    const int Count = 300;

    [Theory]
    [InlineData(ReportLoss.Refused)]
    [InlineData(ReportLoss.TakenThenLost)]
    public async Task A_broadcast_completes_although_its_partitions_done_report_was_lost(ReportLoss loss)
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);

        using (var outage = ProgressReportOutage.Begin(id, loss))
        {
            var created = await broadcast.CreateAsync(LifecycleKit.Command(clientId, Count, ScheduleSpec.Now));
            Assert.Null(created.Error);
            await Eventually.ReadAsync(() => outage.LostDoneReports, lost => lost > 0,
                BroadcastKit.CompletionDeadline, "the partition's done report to be lost");
            Assert.Equal(BroadcastStatus.Sending, (await broadcast.GetAsync(clientId))!.Status);
        }

        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal(Count, done.DrSummary.Total());
        Assert.Equal(0, done.DrSummary.Pending + done.DrSummary.Queued + done.DrSummary.Sent);
    }
}
