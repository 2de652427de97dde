using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// PATCH: a broadcast that has not started can change its name, message and schedule. <see cref="PatchRule"/> merges
/// the change, <see cref="BroadcastLifecycle"/> decides whether it may and where it leaves the broadcast; this checks
/// the sender and prices the changed message on the partitions.
/// </summary>
internal sealed partial class BroadcastGrain
{
    public async Task<BroadcastOutcome> PatchAsync(string clientId, BroadcastPatch patch)
    {
        if (Refusal(clientId, () => Lifecycle.RefusePatch(patch)) is { } notNow)
        {
            return notNow;
        }
        var before = State.Definition!;
        var after = PatchRule.Apply(before, patch);
        if (BroadcastValidator.Validate(after, time.GetUtcNow()) is { } invalid)
        {
            return BroadcastOutcome.Fail(invalid);
        }
        if (patch.From is not null && await SenderRefusalAsync(clientId, patch.From) is { } notApproved)
        {
            return BroadcastOutcome.Fail(notApproved);
        }
        var creditsBefore = State.EstimatedCredits;
        if (Lifecycle.NeedsReplan(after) && await ReplanAsync(after, before) is { } refused)
        {
            return BroadcastOutcome.Fail(refused);
        }
        var client = await GrainFactory.GetGrain<IClientGrain>(clientId).GetAsync();
        Lifecycle.Patch(after, client?.ApprovalThresholds, creditsBefore, time.GetUtcNow());
        await SaveAsync();
        await ArmAsync();
        return new BroadcastOutcome(View(), null);
    }

    /// <summary>Prices the prepared recipients for the changed message; a refusal (a missing variable) restores the old plan.</summary>
    async Task<BroadcastError?> ReplanAsync(BroadcastDefinition after, BroadcastDefinition before)
    {
        var prices = await GrainFactory.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();
        var partitions = Partitions(FirstRun, State.PartitionCount).ToArray();
        var estimates = await Task.WhenAll(partitions.Select(p => p.ReplanAsync(BroadcastMessage.Of(after), prices)));
        if (estimates.FirstOrDefault(e => e.Error is not null)?.Error is { } refused)
        {
            await Task.WhenAll(partitions.Select(p => p.ReplanAsync(BroadcastMessage.Of(before), prices)));
            return refused;
        }
        PlanFigures.Apply(State, estimates);
        return null;
    }
}
