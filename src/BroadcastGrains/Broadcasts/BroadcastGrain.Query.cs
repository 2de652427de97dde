using System.Globalization;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>Reading: the broadcast object, its runs, and its recipients a page at a time across partitions.</summary>
internal sealed partial class BroadcastGrain
{
    public Task<BroadcastView?> GetAsync(string clientId) => Task.FromResult(Owns(clientId) ? View() : null);

    /// <summary>The runs kept in state: the newest <see cref="BroadcastState.RunsKept"/> (and any older one still settling).</summary>
    public Task<IReadOnlyList<RunView>?> GetRunsAsync(string clientId) => Task.FromResult(Owns(clientId)
        ? State.Runs.Select(r => new RunView(r.Run, r.Status, r.ScheduledFor, r.StartedAt, r.CompletedAt, r.RecipientCount,
            r.StillHeld, r.Captured, Summary(r.Partitions), r.FailureReason)).ToList()
        : (IReadOnlyList<RunView>?)null);

    /// <summary>The recipients of the latest run that sent (or of the prepared recipients before any run).</summary>
    public async Task<RecipientPage?> GetRecipientsAsync(string clientId, RecipientStatus? status, string? cursor, int limit)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        limit = Math.Clamp(limit, 1, 1000);
        var (run, counts) = ShownRun(State);
        var (partition, from) = ParseCursor(cursor);
        var items = new List<RecipientView>(limit);
        var partitions = State.PartitionCount;
        while (partition < partitions && items.Count < limit)
        {
            if (status is { } wanted && counts[partition]?.Counts[(int)wanted] == 0)
            {
                (partition, from) = (partition + 1, 0);
                continue;
            }
            var key = PartitionKeys.Format(Id, run, partition);
            var page = await GrainFactory.GetGrain<IRecipientPartitionGrain>(key).GetRecipientsAsync(from, limit - items.Count, status);
            items.AddRange(page.Items);
            (partition, from) = page.Next < 0 ? (partition + 1, 0) : (partition, page.Next);
        }
        var next = partition < partitions ? string.Create(CultureInfo.InvariantCulture, $"{partition}-{from}") : null;
        return new RecipientPage(items, next, Summary(counts));
    }

    static (int Run, PartitionProgress?[] Counts) ShownRun(BroadcastState state) =>
        state.Runs.LastOrDefault(r => r.Partitions.Length > 0) is { } run ? (run.Run, run.Partitions) : (FirstRun, state.Prepared);

    static (int Partition, int From) ParseCursor(string? cursor)
    {
        var dash = cursor?.IndexOf('-') ?? -1;
        if (dash > 0
            && int.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            && int.TryParse(cursor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return (partition, from);
        }
        return (0, 0);
    }

    static DrSummary Summary(PartitionProgress?[] partitions)
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

    BroadcastView View() => View(State);

    BroadcastView View(BroadcastState state)
    {
        var definition = state.Definition!;
        return new BroadcastView
        {
            Id = Id,
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
        };
    }
}
