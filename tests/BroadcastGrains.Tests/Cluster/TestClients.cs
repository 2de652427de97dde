using BroadcastGrains.Catalogue;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Creates tenant clients with fresh ids, so tests sharing a cluster never share money or broadcasts.</summary>
internal static class TestClients
{
    public static async Task<string> CreateAsync(IGrainFactory grains, decimal credits, bool refundFailed = false)
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await grains.GetGrain<IClientGrain>(id).CreateAsync(new ClientProfile { Id = id, Name = "Shop " + id, RefundFailed = refundFailed });
        await ApproveSenderAsync(grains, id);
        if (credits > 0)
        {
            var topUp = await grains.GetGrain<IWalletGrain>(id).TopUpAsync("opening-balance", credits);
            Assert.False(topUp.ReferenceReused);
        }
        return id;
    }

    /// <summary>
    /// API.md: a broadcast's <c>from</c> must be an approved sender of its client or one the operator shares. A name is
    /// approved for one client at a time, so the many clients of a test cluster send from <see cref="BroadcastKit.Sender"/>
    /// shared with all of them (sharing it again changes nothing).
    /// </summary>
    public static async Task ApproveSenderAsync(IGrainFactory grains, string clientId)
    {
        var shared = await grains.GetGrain<ISharedSendersGrain>(ISharedSendersGrain.Key).ShareAsync(BroadcastKit.Sender, null);
        Assert.True(shared.Sender is not null, shared.Detail);
        Assert.True(await grains.GetGrain<ISendersGrain>(clientId).CanSendFromAsync(BroadcastKit.Sender));
    }
}
