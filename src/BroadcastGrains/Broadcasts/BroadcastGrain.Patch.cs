using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>PATCH: a broadcast that has not started can change its name, message and schedule.</summary>
internal sealed partial class BroadcastGrain
{
    public async Task<BroadcastOutcome> PatchAsync(string clientId, BroadcastPatch patch)
    {
        if (!Owns(clientId))
        {
            return NotFound();
        }
        if (State.Status is not (BroadcastStatus.Draft or BroadcastStatus.Scheduled or BroadcastStatus.PendingApproval))
        {
            return BroadcastOutcome.Fail(ErrorCodes.InvalidState, $"a {State.Status.ToApiName()} broadcast cannot be changed");
        }
        if (patch.ScheduleMode == ScheduleMode.Now)
        {
            return BroadcastOutcome.Fail(BroadcastError.Field(ErrorCodes.ValidationFailed, "scheduleMode",
                "to send a draft or scheduled broadcast now, use send-now"));
        }
        var before = State.Definition!;
        var schedule = before.Schedule with
        {
            Mode = patch.ScheduleMode ?? before.Schedule.Mode,
            ScheduledAt = patch.ScheduledAt ?? before.Schedule.ScheduledAt,
            RecurrenceRule = patch.RecurrenceRule ?? before.Schedule.RecurrenceRule,
            Timezone = patch.Timezone ?? before.Schedule.Timezone,
            DripRatePerMinute = patch.DripRatePerMinute ?? before.Schedule.DripRatePerMinute,
            DeliveryWindow = patch.DeliveryWindow ?? before.Schedule.DeliveryWindow,
        };
        var after = before with
        {
            Name = patch.Name ?? before.Name,
            Body = patch.Body ?? before.Body,
            From = patch.From ?? before.From,
            ValidityMinutes = patch.ValidityMinutes ?? before.ValidityMinutes,
            Schedule = schedule,
        };
        if (BroadcastValidator.Validate(after, time.GetUtcNow()) is { } invalid)
        {
            return BroadcastOutcome.Fail(invalid);
        }
        if (patch.From is not null && await SenderRefusalAsync(clientId, patch.From) is { } notApproved)
        {
            return BroadcastOutcome.Fail(notApproved);
        }
        var creditsBefore = State.EstimatedCredits;
        if (MessageOf(after) != MessageOf(before) && State.RunCount == 0 && await ReplanAsync(after, before) is { } refused)
        {
            return BroadcastOutcome.Fail(refused);
        }
        State.Definition = after;
        var client = await GrainFactory.GetGrain<IClientGrain>(clientId).GetAsync();
        var facts = new PatchApprovalFacts(client?.ApprovalThresholds, State.RecipientCount, creditsBefore,
            State.RecipientCount, State.EstimatedCredits,
            MessageChanged: after.Body != before.Body || after.From != before.From,
            Approved: State.ApprovedAt is not null);
        var onSchedule = StatusOnEntry(schedule) == BroadcastStatus.Sending ? BroadcastStatus.Scheduled : StatusOnEntry(schedule);
        State.Status = ApprovalRule.StatusAfterPatch(facts, State.Status, onSchedule);
        if (State.Status == BroadcastStatus.PendingApproval)
        {
            // The sign-off was for the old message or estimate: an approver must look again.
            State.RequiresApproval = true;
            State.ApprovedAt = null;
        }
        State.NextRunAt = State.RunCount == 0 || schedule.Mode != ScheduleMode.Recurring
            ? FirstRunAt(State)
            : Occurrences(State, time.GetUtcNow(), 1).Cast<DateTimeOffset?>().FirstOrDefault();
        await SaveAsync();
        await ArmAsync();
        return new BroadcastOutcome(View(), null);
    }

    /// <summary>Prices the prepared recipients for the changed message; a refusal (a missing variable) restores the old plan.</summary>
    async Task<BroadcastError?> ReplanAsync(BroadcastDefinition after, BroadcastDefinition before)
    {
        var prices = await GrainFactory.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();
        var partitions = Partitions(FirstRun, State.PartitionCount).ToArray();
        var estimates = await Task.WhenAll(partitions.Select(p => p.ReplanAsync(MessageOf(after), prices)));
        if (estimates.FirstOrDefault(e => e.Error is not null)?.Error is { } refused)
        {
            await Task.WhenAll(partitions.Select(p => p.ReplanAsync(MessageOf(before), prices)));
            return refused;
        }
        ApplyEstimates(State, estimates);
        return null;
    }
}
