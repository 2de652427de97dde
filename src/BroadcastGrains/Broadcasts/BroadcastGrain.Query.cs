using System.Globalization;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>Reading: the broadcast object and its recipients, a page at a time across partitions.</summary>
internal sealed partial class BroadcastGrain
{
    public Task<BroadcastView?> GetAsync(string clientId) => Task.FromResult(Owns(clientId) ? View() : null);

    public async Task<RecipientPage?> GetRecipientsAsync(string clientId, RecipientStatus? status, string? cursor, int limit)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        limit = Math.Clamp(limit, 1, 1000);
        var (partition, from) = ParseCursor(cursor);
        var items = new List<RecipientView>(limit);
        var partitions = State.Partitions.Length;
        while (partition < partitions && items.Count < limit)
        {
            if (status is { } wanted && State.Partitions[partition]?.Counts[(int)wanted] == 0)
            {
                (partition, from) = (partition + 1, 0);
                continue;
            }
            var key = PartitionKeys.Format(Id, FirstRun, partition);
            var page = await GrainFactory.GetGrain<IRecipientPartitionGrain>(key).GetRecipientsAsync(from, limit - items.Count, status);
            items.AddRange(page.Items);
            (partition, from) = page.Next < 0 ? (partition + 1, 0) : (partition, page.Next);
        }
        var next = partition < partitions ? string.Create(CultureInfo.InvariantCulture, $"{partition}-{from}") : null;
        return new RecipientPage(items, next, Summary(State));
    }

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

    static DrSummary Summary(BroadcastState state)
    {
        Span<long> counts = stackalloc long[RecipientStatuses.Count];
        foreach (var progress in state.Partitions)
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
        var captured = state.Partitions.Sum(p => p?.Captured ?? 0);
        return new BroadcastView
        {
            Id = Id,
            ClientId = state.ClientId!,
            Name = definition.Name,
            Status = state.Status,
            Schedule = definition.Schedule,
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
            HeldCredits = Math.Max(0, state.HeldAtStart - captured - state.Released),
            SpentCredits = captured,
            RefundedCredits = state.Partitions.Sum(p => p?.Refunded ?? 0),
            RequiresApproval = state.RequiresApproval,
            ApprovedAt = state.ApprovedAt,
            CreatedAt = state.CreatedAt,
            StartedAt = state.StartedAt,
            CompletedAt = state.CompletedAt,
            DrSummary = Summary(state),
            Breakdown = state.Breakdown,
            Runs = state.Runs,
            ValidityMinutes = definition.ValidityMinutes,
            FailureReason = state.FailureReason,
        };
    }
}
