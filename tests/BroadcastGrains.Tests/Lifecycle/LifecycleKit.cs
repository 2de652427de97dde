using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Partitions;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>Create commands with a schedule, clients with approval thresholds, and what "nothing changed" means.</summary>
internal static class LifecycleKit
{
    public static CreateBroadcastCommand Command(string clientId, int recipients, ScheduleSpec schedule,
        string body = BroadcastKit.PlainBody, int validityMinutes = CreateBroadcastCommand.DefaultValidityMinutes) =>
        Command(clientId, Numbers(recipients), schedule, body, validityMinutes);

    public static CreateBroadcastCommand Command(string clientId, RecipientInput recipients, ScheduleSpec schedule,
        string body = BroadcastKit.PlainBody, int validityMinutes = CreateBroadcastCommand.DefaultValidityMinutes) =>
        BroadcastKit.Command(clientId, recipients, body) with { Schedule = schedule, ValidityMinutes = validityMinutes };

    public static RecipientInput Numbers(int count) => RecipientInput.FromStrings([.. Enumerable.Range(0, count).Select(TestNumbers.Us)]);

    /// <summary>A client whose broadcasts strictly above either threshold wait for approval.</summary>
    public static async Task<string> ClientWithThresholdsAsync(IGrainFactory grains, decimal credits, long? recipients, decimal? creditLimit)
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await grains.GetGrain<IClientGrain>(id).CreateAsync(new ClientProfile
        {
            Id = id, Name = "Careful shop " + id, ApprovalThresholds = new ApprovalThresholds(recipients, creditLimit),
        });
        await TestClients.ApproveSenderAsync(grains, id);
        if (credits > 0)
        {
            await grains.GetGrain<IWalletGrain>(id).TopUpAsync("opening-balance", credits);
        }
        return id;
    }

    /// <summary>Creates a broadcast that must be accepted, answering its grain and first view.</summary>
    public static async Task<(IBroadcastGrain Grain, BroadcastView View)> CreateAsync(IGrainFactory grains, CreateBroadcastCommand command)
    {
        var grain = grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var outcome = await grain.CreateAsync(command);
        Assert.True(outcome.Error is null, $"create refused: {outcome.Error}");
        return (grain, outcome.Broadcast!);
    }

    /// <summary>The broadcast, its client's wallet and ledger length: what a refused command must leave as it was.</summary>
    public static async Task<Snapshot> SnapshotAsync(IGrainFactory grains, IBroadcastGrain broadcast, string clientId)
    {
        var wallet = grains.GetGrain<IWalletGrain>(clientId);
        return new Snapshot((await broadcast.GetAsync(clientId))!, await wallet.GetAsync(), (await LedgerReader.ReadAllAsync(wallet)).Count);
    }

    public static async Task AssertUnchangedAsync(this Snapshot before, IGrainFactory grains, IBroadcastGrain broadcast, string clientId)
    {
        var after = await SnapshotAsync(grains, broadcast, clientId);
        BroadcastKit.AssertUnchanged(before.Broadcast, after.Broadcast);
        Assert.Equal(before.Wallet, after.Wallet);
        Assert.Equal(before.LedgerEntries, after.LedgerEntries);
    }

    /// <summary>
    /// A draft of <paramref name="count"/> US recipients for a new client with 10 credits, and its one partition: prepared
    /// and never told to start.
    /// </summary>
    public static async Task<(string ClientId, IBroadcastGrain Broadcast, IRecipientPartitionGrain Partition)> DraftWithPartitionAsync(
        IGrainFactory grains, int count)
    {
        var clientId = await TestClients.CreateAsync(grains, 10m);
        var (broadcast, draft) = await CreateAsync(grains, Command(clientId, Numbers(count), Schedules.Draft));
        return (clientId, broadcast, grains.GetGrain<IRecipientPartitionGrain>(PartitionKeys.Format(draft.Id, 1, 0)));
    }

    /// <summary>The refusal a command must answer, with its code.</summary>
    public static void AssertRefused(BroadcastOutcome outcome, string code, string command)
    {
        Assert.True(outcome.Error?.Code == code, $"{command}: expected {code}, got {outcome.Error?.Code ?? "success: " + outcome.Broadcast?.Status.ToApiName()}");
        Assert.Null(outcome.Broadcast);
    }
}
