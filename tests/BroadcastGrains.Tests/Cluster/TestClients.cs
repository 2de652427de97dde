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

    /// <summary>API.md: a broadcast's <c>from</c> must be an approved sender of its client.</summary>
    public static async Task ApproveSenderAsync(IGrainFactory grains, string clientId) =>
        Assert.NotNull(await grains.GetGrain<ISendersGrain>(clientId).RegisterAsync(BroadcastKit.Sender, approved: true));
}
