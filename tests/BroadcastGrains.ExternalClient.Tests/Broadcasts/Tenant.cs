using System.Diagnostics;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.ExternalClient.Tests.Hosting;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.ExternalClient.Tests.Broadcasts;

/// <summary>A fresh tenant client made through grains only, with the calls an outside app makes for it.</summary>
internal sealed class Tenant(ExternalClusterFixture cluster, string clientId)
{
    static readonly TimeSpan CompletionDeadline = TimeSpan.FromSeconds(30);
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The simulator fails every number ending in 0001; the others here are valid numbers it delivers.</summary>
    public static readonly string[] Recipients = ["+12125551234", "+447400123456", "+256772123456", "+12025550001"];

    public const string FailingRecipient = "+12025550001";

    public string ClientId { get; } = clientId;

    /// <summary>A sender name of this tenant's own (at most 11 characters): a name is approved for one client at a time.</summary>
    public string Sender { get; } = "Grains" + clientId[^5..];

    public IWalletGrain Wallet => cluster.Client.GetGrain<IWalletGrain>(ClientId);

    public static async Task<Tenant> CreateAsync(ExternalClusterFixture cluster, decimal topUp)
    {
        var tenant = new Tenant(cluster, "ext_" + Guid.NewGuid().ToString("N"));
        await cluster.Client.GetGrain<IClientGrain>(tenant.ClientId)
            .CreateAsync(new ClientProfile { Id = tenant.ClientId, Name = "External client test" });
        // A name is approved for one client at a time: each tenant of the shared cluster gets its own.
        var sender = await cluster.Client.GetGrain<ISendersGrain>(tenant.ClientId).RegisterAsync(tenant.Sender, approved: true);
        Assert.Equal(ApprovalStatus.Approved, sender.Sender?.Status);
        var topped = await tenant.Wallet.TopUpAsync("topup-1", topUp);
        Assert.False(topped.ReferenceReused);
        return tenant;
    }

    public async Task<BroadcastView> SendAsync(string broadcastId, IReadOnlyList<string> recipients)
    {
        var outcome = await cluster.Client.GetGrain<IBroadcastGrain>(broadcastId).CreateAsync(Command(recipients));
        Assert.True(outcome.Error is null, $"create refused: {outcome.Error?.Code} {outcome.Error?.Detail}");
        return outcome.Broadcast!;
    }

    public CreateBroadcastCommand Command(IReadOnlyList<string> recipients) =>
        new(
            ClientId: ClientId,
            Name: "external client broadcast",
            From: Sender,
            Body: "Hello from another Orleans app",
            TemplateName: null,
            MediaUrls: null,
            Recipients: RecipientInput.FromStrings(recipients),
            ListIds: null,
            DefaultRegion: null,
            OnDuplicate: DuplicatePolicy.Reject,
            Schedule: ScheduleSpec.Now,
            ValidityMinutes: CreateBroadcastCommand.DefaultValidityMinutes,
            DryRun: false);

    public async Task<BroadcastView> WaitForAsync(string broadcastId, BroadcastStatus status)
    {
        var grain = cluster.Client.GetGrain<IBroadcastGrain>(broadcastId);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await grain.GetAsync(ClientId) ?? throw new InvalidOperationException($"{broadcastId} not found");
            if (view.Status == status)
            {
                return view;
            }
            if (clock.Elapsed > CompletionDeadline)
            {
                throw new TimeoutException(
                    $"{broadcastId} is {view.Status} ({view.DrSummary}) after {CompletionDeadline.TotalSeconds} s, not {status}."
                    + $"{Environment.NewLine}Silo log:{Environment.NewLine}{cluster.SiloLog}");
            }
            await Task.Delay(PollInterval);
        }
    }
}
