using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>What a client reads of a broadcast's state: the broadcast, its runs and their delivery summaries.</summary>
internal static class BroadcastViews
{
    const int FirstRun = 1;

    public static RunView Of(RunState r) => new(r.Run, r.Status, r.ScheduledFor, r.StartedAt, r.CompletedAt, r.RecipientCount,
        r.StillHeld, r.Captured, RunSummary(r.Partitions), r.FailureReason, r.IsRetry);

    /// <summary>
    /// The run whose recipients a client reads: the latest that has partitions, or the prepared ones before any run. Run
    /// is that of the partition grains' keys (a retry run reads the partitions it reuses, whose reports give every
    /// recipient's latest attempt).
    /// </summary>
    public static (int Run, PartitionProgress?[] Counts) ShownRun(BroadcastState state) =>
        state.Runs.LastOrDefault(r => r.Partitions.Length > 0) is { } run ? (run.GrainRun, run.Partitions) : (FirstRun, state.Prepared);

    /// <summary>A run's own <c>drSummary</c>: a retry run counts only the recipients it sent to again.</summary>
    static DrSummary RunSummary(PartitionProgress?[] partitions)
    {
        Span<long> counts = stackalloc long[RecipientStatuses.Count];
        foreach (var progress in partitions)
        {
            var own = progress?.RunCounts();
            for (var s = 0; s < counts.Length && own is not null; s++)
            {
                counts[s] += own[s];
            }
        }
        return DrSummary.FromCounts(counts);
    }

    /// <summary>API.md <c>drSummary</c>: the partitions' counts added up.</summary>
    public static DrSummary Summary(PartitionProgress?[] partitions)
    {
        Span<long> counts = stackalloc long[RecipientStatuses.Count];
        foreach (var progress in partitions)
        {
            for (var s = 0; s < counts.Length && progress is not null; s++)
            {
                counts[s] += progress.Counts[s];
            }
        }
        return DrSummary.FromCounts(counts);
    }

    /// <summary>API.md's broadcast object: credits add the runs kept and the runs dropped from state.</summary>
    public static BroadcastView Of(string id, BroadcastState state)
    {
        var definition = state.Definition!;
        return new BroadcastView
        {
            Id = id,
            ClientId = state.ClientId!,
            Name = definition.Name,
            Status = state.Status,
            Schedule = definition.Schedule,
            NextRunAt = BroadcastLifecycle.IsOverStatus(state.Status) ? null : state.NextRunAt,
            From = definition.From,
            Body = definition.Body,
            TemplateName = definition.TemplateName,
            MediaUrls = definition.MediaUrls,
            Encoding = state.Encoding,
            SegmentsPerMessage = state.SegmentsPerMessage,
            RecipientCount = state.RecipientCount,
            InvalidCount = state.InvalidCount,
            DuplicateCount = state.DuplicateCount,
            EstimatedCredits = state.EstimatedCredits,
            HeldCredits = state.Dropped.StillHeld + state.Runs.Sum(r => r.StillHeld),
            SpentCredits = state.Dropped.Captured + state.Runs.Sum(r => r.Captured),
            RefundedCredits = state.Dropped.Refunded + state.Runs.Sum(r => r.Refunded),
            RequiresApproval = state.RequiresApproval,
            ApprovedAt = state.ApprovedAt,
            CreatedAt = state.CreatedAt,
            StartedAt = state.StartedAt,
            CompletedAt = state.CompletedAt,
            DrSummary = Summary(ShownRun(state).Counts),
            Breakdown = state.Breakdown,
            Runs = state.RunCount,
            UpcomingRuns = BroadcastSchedule.Upcoming(state),
            ReplyCount = state.ReplyCount,
            ValidityMinutes = definition.ValidityMinutes,
            FailureReason = state.FailureReason,
            Route = definition.Route,
            SmartEncoding = definition.SmartEncoding,
            ListIds = definition.ListIds,
            SmartListSlug = definition.SmartListSlug,
            TrackLinks = definition.TrackLinks,
        };
    }
}
