using BroadcastGrains.Hosting;
using BroadcastGrains.Partitions;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// One broadcast: validates and plans it, keeps its schedule (reminders for durability, a timer for precision), holds
/// credits per run, starts each run's partitions, aggregates their counts and releases what was not spent.
/// It never holds the recipient list: partitions do.
/// </summary>
[GrainType("broadcast")]
internal sealed partial class BroadcastGrain(
    [PersistentState("broadcast", StorageNames.Grains)] IPersistentState<BroadcastState> broadcast,
    PhoneNumberClassifier phones,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastGrain> logger)
    : Grain, IBroadcastGrain, IBroadcastProgressGrain, IRemindable
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
        var thresholds = plan.Client.ApprovalThresholds;
        plan.State.RequiresApproval = ApprovalRule.IsAbove(thresholds, plan.State.RecipientCount, plan.State.EstimatedCredits);
        plan.State.Status = plan.State.RequiresApproval ? BroadcastStatus.PendingApproval : StatusOnEntry(command.Schedule);
        plan.State.NextRunAt = FirstRunAt(plan.State);
        if (command.DryRun)
        {
            await DiscardAsync(plan.State);
            var view = View(plan.State);
            DeactivateOnIdle();
            return new BroadcastOutcome(view, null);
        }

        broadcast.State = plan.State;
        if (State.RequiresApproval)
        {
            await SaveAsync();
            return new BroadcastOutcome(View(), null);
        }
        var refused = await EnterScheduleAsync();
        if (refused is not null)
        {
            await DiscardAsync(State);
            broadcast.State = new BroadcastState();
            DeactivateOnIdle();
            return BroadcastOutcome.Fail(refused);
        }
        return new BroadcastOutcome(View(), null);
    }

    public async Task<BroadcastOutcome> PrecheckAsync(CreateBroadcastCommand command)
    {
        if (State.Exists)
        {
            return BroadcastOutcome.Fail(ErrorCodes.InvalidState, "precheck needs an unused broadcast id");
        }
        var plan = await PlanAsync(command, persist: false, DuplicatePolicy.Skip);
        if (plan.Error is not null)
        {
            return BroadcastOutcome.Fail(plan.Error);
        }
        await DiscardAsync(plan.State);
        var wallet = await GrainFactory.GetGrain<Wallet.IWalletGrain>(command.ClientId).GetAsync();
        var state = plan.State;
        var precheck = new PrecheckView
        {
            TotalRecipients = state.RecipientCount,
            Invalid = state.InvalidCount,
            Duplicates = state.DuplicateCount,
            OptedOut = state.Prepared.Sum(p => p!.Counts[(int)RecipientStatus.OptedOut]),
            Encoding = state.Encoding,
            SegmentsPerMessage = state.SegmentsPerMessage,
            TotalSegments = plan.Segments,
            TotalCredits = state.EstimatedCredits,
            WalletBalance = wallet.Balance,
            BalanceAfter = wallet.Available - state.EstimatedCredits,
            SufficientBalance = wallet.Available >= state.EstimatedCredits,
            Breakdown = state.Breakdown,
            Unroutable = plan.Unroutable,
            // At planning a blocked recipient is one without a route: the carrier has not refused anything yet.
            UnroutableCount = state.Prepared.Sum(p => p!.Counts[(int)RecipientStatus.Blocked]),
            Countries = state.Breakdown.Select(b => b.CountryCode).Distinct(StringComparer.Ordinal).Count(),
            WalletCurrency = wallet.Currency,
        };
        DeactivateOnIdle();
        return new BroadcastOutcome(null, null, precheck);
    }

    IEnumerable<IRecipientPartitionGrain> Partitions(int run, int count) =>
        Enumerable.Range(0, count).Select(p => GrainFactory.GetGrain<IRecipientPartitionGrain>(PartitionKeys.Format(Id, run, p)));

    Task DiscardAsync(BroadcastState state) =>
        Task.WhenAll(Partitions(FirstRun, state.PartitionCount).Select(p => p.DiscardAsync()));

    async Task SaveAsync()
    {
        await broadcast.WriteStateAsync();
        await GrainFactory.GetGrain<IClientBroadcastsGrain>(State.ClientId!).UpsertAsync(Id, State.Status, State.CreatedAt);
        await RaiseStatusEventAsync();
        await TrackForSweepAsync();
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} run {Run} sending to {Recipients} recipients in {Partitions} partitions")]
        public static partial void RunStarted(ILogger logger, string broadcastId, int run, long recipients, int partitions);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} run {Run} failed: {Reason}")]
        public static partial void RunFailed(ILogger logger, string broadcastId, int run, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} run {Run}: starting its partitions failed; the next wake starts them")]
        public static partial void PartitionsNotStarted(ILogger logger, string broadcastId, int run, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} is {Status}")]
        public static partial void StatusChanged(ILogger logger, string broadcastId, string status);
    }
}
