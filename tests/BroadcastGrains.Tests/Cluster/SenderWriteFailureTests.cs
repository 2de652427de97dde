using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A sender approval that fails to store leaves nothing behind: the name is not kept for the client whose write failed,
/// so another client can still take it, and the failed client's retry is judged afresh.
/// </summary>
[Collection(FaultyStorageClusterCollection.Name)]
public sealed class SenderWriteFailureTests(FaultyStorageClusterFixture cluster)
{
    [Fact]
    public async Task A_registration_whose_write_fails_does_not_keep_the_name_from_another_client()
    {
        var name = "Shop" + Guid.NewGuid().ToString("N")[..6];
        var failing = cluster.Grains.GetGrain<ISendersGrain>("client-" + Guid.NewGuid().ToString("N"));
        var other = cluster.Grains.GetGrain<ISendersGrain>("client-" + Guid.NewGuid().ToString("N"));

        await cluster.FailNextWriteAsync(failing, "senders");
        await Assert.ThrowsAnyAsync<Exception>(() => failing.RegisterAsync(name, approved: true));

        Assert.Empty(await failing.ListAsync());
        var taken = await other.RegisterAsync(name, approved: true);
        Assert.Equal(ApprovalStatus.Approved, taken.Sender?.Status);
        Assert.Equal(ErrorCodes.SenderTaken, (await failing.RegisterAsync(name, approved: true)).Error);
    }

    [Fact]
    public async Task An_approval_whose_write_fails_leaves_the_sender_pending_and_the_name_free()
    {
        var name = "Shop" + Guid.NewGuid().ToString("N")[..6];
        var failing = cluster.Grains.GetGrain<ISendersGrain>("client-" + Guid.NewGuid().ToString("N"));
        var other = cluster.Grains.GetGrain<ISendersGrain>("client-" + Guid.NewGuid().ToString("N"));
        var pending = (await failing.RegisterAsync(name)).Sender!;

        await cluster.FailNextWriteAsync(failing, "senders");
        await Assert.ThrowsAnyAsync<Exception>(() => failing.ReviewAsync(pending.Id, ApprovalStatus.Approved));

        Assert.Equal(ApprovalStatus.Pending, (await failing.FindAsync(name))?.Status);
        Assert.Equal(ApprovalStatus.Approved, (await other.RegisterAsync(name, approved: true)).Sender?.Status);
    }
}
