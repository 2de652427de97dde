using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Json;

/// <summary>One run as <c>GET /v1/broadcasts/{id}/runs</c> lists it.</summary>
internal sealed record RunJson(int Run, string Kind, string Status, DateTimeOffset ScheduledFor, DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt, long RecipientCount, decimal HeldCredits, decimal SpentCredits, DrSummary DrSummary,
    string? FailureReason)
{
    public static RunJson Of(RunView r) => new(r.Run, r.IsRetry ? "retry" : "scheduled", r.Status.ToApiName(), r.ScheduledFor, r.StartedAt, r.CompletedAt,
        r.RecipientCount, r.HeldCredits, r.SpentCredits, r.DrSummary, r.FailureReason);
}
