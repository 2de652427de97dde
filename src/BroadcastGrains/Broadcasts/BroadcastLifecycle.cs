using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The broadcast aggregate: which command may run in which status (API.md's answer for every state) and what each one
/// changes in <see cref="BroadcastState"/>. It calls no grain: the grain asks it ("may I"), does the calls (partitions,
/// wallet, quota), then records the outcome through it, so every transition is a plain unit test. Checks and changes
/// are separate methods because the grain awaits calls between them and interleaved reads must see the old state.
/// </summary>
internal sealed class BroadcastLifecycle(BroadcastState state)
{
    public BroadcastRuns Runs { get; } = new(state);

    /// <summary>Where a schedule puts a broadcast that needs no approval (or has it).</summary>
    public static BroadcastStatus StatusOnEntry(ScheduleSpec schedule) => schedule.Mode switch
    {
        ScheduleMode.Draft => BroadcastStatus.Draft,
        ScheduleMode.Scheduled or ScheduleMode.Recurring => BroadcastStatus.Scheduled,
        ScheduleMode.Drip when schedule.ScheduledAt is not null => BroadcastStatus.Scheduled,
        _ => BroadcastStatus.Sending,
    };

    /// <summary>Waiting for a run or running one: the schedule stays armed and the sweep watches it.</summary>
    public bool IsLive => state.Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending or BroadcastStatus.Paused;

    /// <summary>
    /// Whether the sweep watches the broadcast: live, a run still settling, or an undo to finish (stored, or with
    /// <paramref name="undoPending"/> about to be), so a silo that dies leaves nothing the sweep does not wake.
    /// </summary>
    public bool Swept(bool undoPending) => IsLive || state.Runs.Any(r => r.Settling) || undoPending || CommandUndo.IsPending(state);

    /// <summary>Ended for good: no run comes any more.</summary>
    public bool IsOver => IsOverStatus(state.Status);

    public static bool IsOverStatus(BroadcastStatus status) =>
        status is BroadcastStatus.Cancelled or BroadcastStatus.Completed or BroadcastStatus.Failed;

    public bool IsRecurring => state.Definition!.Schedule.Mode == ScheduleMode.Recurring;

    /// <summary>A planned create: approval when above the client's thresholds, else where its schedule puts it.</summary>
    public void EnterPlanned(ApprovalThresholds? thresholds)
    {
        state.RequiresApproval = ApprovalRule.IsAbove(thresholds, state.RecipientCount, state.EstimatedCredits);
        state.Status = state.RequiresApproval ? BroadcastStatus.PendingApproval : StatusOnEntry(state.Definition!.Schedule);
        state.NextRunAt = BroadcastSchedule.FirstRunAt(state);
    }

    /// <summary>After a create or an approval: the time of the run to start now, or null when it waits for its time.</summary>
    public DateTimeOffset? RunDueOnEntry(DateTimeOffset now) =>
        state.Status == BroadcastStatus.Sending || (state.Status == BroadcastStatus.Scheduled && state.NextRunAt <= now)
            ? state.NextRunAt ?? now
            : null;

    /// <summary>What a refused interactive command goes back to.</summary>
    public LifecycleMark Mark() => new(state.Status, state.NextRunAt, state.ApprovedAt);

    public void Restore(LifecycleMark mark) =>
        (state.Status, state.NextRunAt, state.ApprovedAt) = (mark.Status, mark.NextRunAt, mark.ApprovedAt);

    public BroadcastError? RefuseCancel() => state.Status switch
    {
        BroadcastStatus.Cancelled => new(ErrorCodes.AlreadyCancelled, "the broadcast is already cancelled"),
        BroadcastStatus.Completed => new(ErrorCodes.AlreadyProcessing, "the broadcast has completed"),
        BroadcastStatus.Failed => new(ErrorCodes.InvalidState, "the broadcast has failed"),
        _ => null,
    };

    /// <summary>Cancels the broadcast; answers its active runs, each for the grain to stop, settle and cancel.</summary>
    public IReadOnlyList<RunState> Cancel(DateTimeOffset now)
    {
        state.Status = BroadcastStatus.Cancelled;
        state.NextRunAt = null;
        state.CompletedAt = now;
        return state.Runs.Where(r => r.IsActive).ToList();
    }

    public BroadcastError? RefusePause() => state.Status == BroadcastStatus.Sending
        ? null
        : new(ErrorCodes.InvalidState, $"a {state.Status.ToApiName()} broadcast cannot be paused");

    /// <summary>Pauses the broadcast and its active runs; answers those runs, whose partitions the grain pauses.</summary>
    public IReadOnlyList<RunState> Pause() => MoveActiveRuns(BroadcastStatus.Paused);

    public BroadcastError? RefuseResume() => state.Status == BroadcastStatus.Paused
        ? null
        : new(ErrorCodes.InvalidState, $"a {state.Status.ToApiName()} broadcast cannot be resumed");

    /// <summary>Resumes the broadcast and its paused runs; answers those runs, whose partitions the grain starts.</summary>
    public IReadOnlyList<RunState> Resume() => MoveActiveRuns(BroadcastStatus.Sending);

    IReadOnlyList<RunState> MoveActiveRuns(BroadcastStatus status)
    {
        state.Status = status;
        var active = state.Runs.Where(r => r.IsActive).ToList();
        active.ForEach(r => r.Status = status);
        return active;
    }

    public BroadcastError? RefuseApproval() => state.Status == BroadcastStatus.PendingApproval
        ? null
        : new(ErrorCodes.InvalidState, $"a {state.Status.ToApiName()} broadcast needs no approval");

    /// <summary>Signs the broadcast off: it goes where its schedule puts it; answers what a refused start restores.</summary>
    public LifecycleMark Approve(DateTimeOffset now)
    {
        var before = Mark();
        state.Status = StatusOnEntry(state.Definition!.Schedule);
        state.ApprovedAt = now;
        return before;
    }

    public BroadcastError? RefuseSendNow() => state.Status is BroadcastStatus.Draft or BroadcastStatus.Scheduled
        ? null
        : new(ErrorCodes.NotScheduled, $"only a draft or scheduled broadcast can be sent now; this one is {state.Status.ToApiName()}");

    /// <summary>A send-now of a series is an extra run: the series keeps its own next time.</summary>
    public void KeepSeriesTimes(LifecycleMark before) => state.NextRunAt = before.NextRunAt;

    public BroadcastError? RefusePatch(BroadcastPatch patch)
    {
        if (state.Status is not (BroadcastStatus.Draft or BroadcastStatus.Scheduled or BroadcastStatus.PendingApproval))
        {
            return new(ErrorCodes.InvalidState, $"a {state.Status.ToApiName()} broadcast cannot be changed");
        }
        return patch.ScheduleMode == ScheduleMode.Now
            ? BroadcastError.Field(ErrorCodes.ValidationFailed, "scheduleMode", "to send a draft or scheduled broadcast now, use send-now")
            : null;
    }

    /// <summary>Before a PATCH is stored: a changed message of a broadcast that never ran is priced again first.</summary>
    public bool NeedsReplan(BroadcastDefinition after) =>
        state.RunCount == 0 && BroadcastMessage.Of(after) != BroadcastMessage.Of(state.Definition!);

    /// <summary>
    /// Takes the changed definition (and the estimate the grain replanned, if it did): back to approval when the change
    /// moves it above the thresholds or changes what an approver read, and the next run from the new schedule.
    /// </summary>
    public void Patch(BroadcastDefinition after, ApprovalThresholds? thresholds, decimal creditsBefore, DateTimeOffset now)
    {
        var before = state.Definition!;
        state.Definition = after;
        var facts = new PatchApprovalFacts(thresholds, state.RecipientCount, creditsBefore, state.RecipientCount, state.EstimatedCredits,
            MessageChanged: after.Body != before.Body || after.From != before.From,
            Approved: state.ApprovedAt is not null);
        var onEntry = StatusOnEntry(after.Schedule);
        state.Status = ApprovalRule.StatusAfterPatch(facts, state.Status, onEntry == BroadcastStatus.Sending ? BroadcastStatus.Scheduled : onEntry);
        if (state.Status == BroadcastStatus.PendingApproval)
        {
            // The sign-off was for the old message or estimate: an approver must look again.
            state.RequiresApproval = true;
            state.ApprovedAt = null;
        }
        state.NextRunAt = state.RunCount == 0 || after.Schedule.Mode != ScheduleMode.Recurring
            ? BroadcastSchedule.FirstRunAt(state)
            : BroadcastSchedule.Occurrences(state, now, 1).Cast<DateTimeOffset?>().FirstOrDefault();
    }
}
