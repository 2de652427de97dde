using BroadcastGrains.Hosting;
using BroadcastGrains.Partitions;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

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
    [FromKeyedServices(BroadcastClock.Key)] TimeProvider time,
    IOptions<BroadcastOptions> options,
    DeepCopier copier,
    ILogger<BroadcastGrain> logger)
    : Grain, IBroadcastGrain, IBroadcastProgressGrain, IRemindable
{
    const int FirstRun = 1;

    BroadcastState State => broadcast.State;
    BroadcastLifecycle Lifecycle => new(State);
    string Id => this.GetPrimaryKeyString();

    public Task<BroadcastOutcome> CreateAsync(CreateBroadcastCommand command) =>
        command.DryRun ? CreateOrDryRunAsync(command) : UndoingOnFailureAsync(() => CreateOrDryRunAsync(command));

    async Task<BroadcastOutcome> CreateOrDryRunAsync(CreateBroadcastCommand command)
    {
        if (State.Exists)
        {
            return await AnswerRetriedCreateAsync(command);
        }
        var plan = await PlanAsync(command, persist: !command.DryRun, command.OnDuplicate);
        if (plan.Error is not null)
        {
            return BroadcastOutcome.Fail(plan.Error);
        }
        new BroadcastLifecycle(plan.State).EnterPlanned(plan.Client.ApprovalThresholds);
        if (command.DryRun)
        {
            await DiscardAsync(plan.State);
            var view = View(plan.State);
            DeactivateOnIdle();
            return new BroadcastOutcome(view, null);
        }

        (plan.State.Creating, plan.State.RequestHash, plan.State.HoldAttempts) = (true, command.RequestHash, State.HoldAttempts);
        broadcast.State = plan.State;
        if (State.RequiresApproval)
        {
            await SaveAsync();
            return new BroadcastOutcome(View(), null);
        }
        var refused = await EnterScheduleAsync();
        if (refused is not null)
        {
            // Still Creating: its partitions, quota and whatever it stored go.
            await RollBackAsync();
            DeactivateOnIdle();
            return BroadcastOutcome.Fail(refused);
        }
        return new BroadcastOutcome(View(), null);
    }

    /// <summary>
    /// A create of an id that exists: the same request (a retry with its Idempotency-Key) answers what the first one
    /// made, after finishing what a crash may have cut short between its commit and its answer (index row, schedule,
    /// partitions' start); an unfinished create was already rolled back and never gets here.
    /// </summary>
    async Task<BroadcastOutcome> AnswerRetriedCreateAsync(CreateBroadcastCommand command)
    {
        if (CommandUndo.RefuseRetriedCreate(State, command.ClientId, command.RequestHash) is { } taken)
        {
            return BroadcastOutcome.Fail(taken);
        }
        await SaveAsync();
        await ArmAsync();
        await WakePartitionsAsync();
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
        DeactivateOnIdle();
        return new BroadcastOutcome(null, null, PrecheckViews.Of(plan, wallet));
    }

    /// <summary>The partition grains of run <paramref name="run"/>: a retry run's are those of the run it retries.</summary>
    IEnumerable<IRecipientPartitionGrain> Partitions(int run, int count)
    {
        var grainRun = State.RunOf(run)?.GrainRun ?? run;
        return Enumerable.Range(0, count).Select(p => GrainFactory.GetGrain<IRecipientPartitionGrain>(PartitionKeys.Format(Id, grainRun, p)));
    }

    Task DiscardAsync(BroadcastState state) =>
        Task.WhenAll(Partitions(FirstRun, state.PartitionCount).Select(p => p.DiscardAsync()));

    /// <summary>Stores the broadcast and its index row; for a create, this is its commit.</summary>
    async Task SaveAsync()
    {
        State.Creating = false;
        await broadcast.WriteStateAsync();
        await GrainFactory.GetGrain<IClientBroadcastsGrain>(State.ClientId!).UpsertAsync(Id, State.Status, State.CreatedAt);
        _indexed = true;
        await RaiseStatusEventAsync();
        await TrackForSweepAsync();
    }
}
