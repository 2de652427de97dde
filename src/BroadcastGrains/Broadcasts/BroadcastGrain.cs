using BroadcastGrains.Catalogue;
using BroadcastGrains.Hosting;
using BroadcastGrains.Partitions;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;
using BroadcastGrains.Wallet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// One broadcast: validates and plans it, holds its credits, starts its partitions, aggregates their counts and
/// releases what was not spent. It never holds the recipient list: partitions do.
/// </summary>
[GrainType("broadcast")]
internal sealed partial class BroadcastGrain(
    [PersistentState("broadcast", StorageNames.Grains)] IPersistentState<BroadcastState> broadcast,
    PhoneNumberClassifier phones,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastGrain> logger)
    : Grain, IBroadcastGrain, IBroadcastProgressGrain
{
    const int FirstRun = 1;

    BroadcastState State => broadcast.State;
    string Id => this.GetPrimaryKeyString();

    public async Task<BroadcastOutcome> CreateAsync(CreateBroadcastCommand command)
    {
        if (State.Exists)
        {
            // A retried create of the same id answers what the first one made.
            return State.ClientId == command.ClientId
                ? new BroadcastOutcome(View(), null)
                : BroadcastOutcome.Fail(ErrorCodes.InvalidState, "this broadcast id is taken");
        }
        var plan = await PlanAsync(command, persist: !command.DryRun, command.OnDuplicate);
        if (plan.Error is not null)
        {
            return BroadcastOutcome.Fail(plan.Error);
        }
        if (command.DryRun)
        {
            await DiscardAsync(plan);
            var view = View(plan.State);
            DeactivateOnIdle();
            return new BroadcastOutcome(view, null);
        }

        var state = plan.State;
        var thresholds = plan.Client.ApprovalThresholds;
        state.RequiresApproval = thresholds is not null
            && (state.RecipientCount > thresholds.Recipients || state.EstimatedCredits > thresholds.Credits);
        if (state.RequiresApproval)
        {
            state.Status = BroadcastStatus.PendingApproval;
            broadcast.State = state;
            await broadcast.WriteStateAsync();
            await IndexAsync();
            return new BroadcastOutcome(View(), null);
        }

        var wallet = GrainFactory.GetGrain<IWalletGrain>(command.ClientId);
        var hold = await wallet.HoldAsync(new WalletOperation($"{Id}/hold/{FirstRun}", Id, state.EstimatedCredits));
        if (!hold.Held)
        {
            await DiscardAsync(plan);
            DeactivateOnIdle();
            return BroadcastOutcome.Fail(ErrorCodes.InsufficientCredits,
                $"needs {hold.Requested}, available {hold.Available}");
        }
        state.HeldAtStart = state.EstimatedCredits;
        state.Status = BroadcastStatus.Sending;
        state.StartedAt = time.GetUtcNow();
        state.Runs = FirstRun;
        broadcast.State = state;
        await broadcast.WriteStateAsync();
        await IndexAsync();
        await Task.WhenAll(Partitions().Select(p => p.StartAsync()));
        EnsureFlushTimer();
        Log.Started(logger, Id, state.RecipientCount, state.Partitions.Length);
        return new BroadcastOutcome(View(), null);
    }

    public async Task<BroadcastOutcome> PrecheckAsync(CreateBroadcastCommand command)
    {
        var plan = await PlanAsync(command, persist: false, DuplicatePolicy.Skip);
        if (plan.Error is not null)
        {
            return BroadcastOutcome.Fail(plan.Error);
        }
        await DiscardAsync(plan);
        var wallet = await GrainFactory.GetGrain<IWalletGrain>(command.ClientId).GetAsync();
        var state = plan.State;
        var precheck = new PrecheckView
        {
            TotalRecipients = state.RecipientCount,
            Invalid = state.InvalidCount,
            Duplicates = state.DuplicateCount,
            OptedOut = state.Partitions.Sum(p => p!.Counts[(int)RecipientStatus.OptedOut]),
            Encoding = state.Encoding,
            SegmentsPerMessage = state.SegmentsPerMessage,
            TotalSegments = plan.Segments,
            TotalCredits = state.EstimatedCredits,
            WalletBalance = wallet.Balance,
            BalanceAfter = wallet.Available - state.EstimatedCredits,
            SufficientBalance = wallet.Available >= state.EstimatedCredits,
            Breakdown = state.Breakdown,
            Unroutable = plan.Unroutable,
        };
        DeactivateOnIdle();
        return new BroadcastOutcome(null, null, precheck);
    }

    IEnumerable<IRecipientPartitionGrain> Partitions(BroadcastState? state = null) =>
        Enumerable.Range(0, (state ?? State).Partitions.Length)
            .Select(p => GrainFactory.GetGrain<IRecipientPartitionGrain>(PartitionKeys.Format(Id, FirstRun, p)));

    async Task DiscardAsync(BroadcastPlan plan) => await Task.WhenAll(Partitions(plan.State).Select(p => p.DiscardAsync()));

    Task IndexAsync() =>
        GrainFactory.GetGrain<IClientBroadcastsGrain>(State.ClientId!).UpsertAsync(Id, State.Status, State.CreatedAt);

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} sending to {Recipients} recipients in {Partitions} partitions")]
        public static partial void Started(ILogger logger, string broadcastId, long recipients, int partitions);

        [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} is {Status}")]
        public static partial void Finished(ILogger logger, string broadcastId, string status);
    }
}
