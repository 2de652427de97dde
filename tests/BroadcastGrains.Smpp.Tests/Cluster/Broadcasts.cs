using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Smpp.Tests.Cluster;

/// <summary>Creates clients and broadcasts and reads them back the way a frontend would.</summary>
internal static class Broadcasts
{
    public const string Sender = "MyShop";

    /// <summary>New York numbers (+1 212 …) whose last four digits run 1000–9999, so the test SMSC delivers them.</summary>
    public static string Us(int i) => string.Create(CultureInfo.InvariantCulture, $"+1212{234 + (i / 9000)}{1000 + (i % 9000)}");

    /// <summary>A New York number ending in <paramref name="suffix"/>: 0001 fails, 0002 is refused, 0003 expires.</summary>
    public static string UsEndingIn(int suffix, int k) => string.Create(CultureInfo.InvariantCulture, $"+1213{300 + k}{suffix:D4}");

    public static async Task<string> NewClientAsync(IGrainFactory grains, decimal credits)
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await grains.GetGrain<IClientGrain>(id).CreateAsync(new ClientProfile { Id = id, Name = "Shop " + id });
        await grains.GetGrain<IWalletGrain>(id).TopUpAsync("opening-balance", credits);
        // A name is approved for one client at a time: the clients of these tests send from it shared.
        Assert.NotNull((await grains.GetGrain<ISharedSendersGrain>(ISharedSendersGrain.Key).ShareAsync(Sender, null)).Sender);
        return id;
    }

    public static async Task<IBroadcastGrain> SendAsync(IGrainFactory grains, string clientId, IReadOnlyList<string> recipients, string body)
    {
        var broadcast = grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var created = await broadcast.CreateAsync(new CreateBroadcastCommand(clientId, "SMPP run", Sender, body, null, null,
            RecipientInput.FromStrings(recipients), null, null, DuplicatePolicy.Reject, ScheduleSpec.Now,
            CreateBroadcastCommand.DefaultValidityMinutes, false));
        Assert.Null(created.Error);
        Assert.Equal(BroadcastStatus.Sending, created.Broadcast!.Status);
        return broadcast;
    }

    public static async Task<BroadcastView> WaitUntilAsync(this IBroadcastGrain broadcast, string clientId,
        Func<BroadcastView, bool> done, TimeSpan deadline, string waitingFor) =>
        (await Eventually.ReadAsync(() => broadcast.GetAsync(clientId), view => view is not null && done(view), deadline, waitingFor))!;
}
