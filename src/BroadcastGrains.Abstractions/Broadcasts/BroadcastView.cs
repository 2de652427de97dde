namespace BroadcastGrains.Broadcasts;

/// <summary>The broadcast object of API.md.</summary>
[GenerateSerializer, Immutable, Alias("broadcast-view")]
public sealed record BroadcastView
{
#pragma warning disable CS1591 // the fields are API.md's broadcast object, documented there.
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string ClientId { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public required BroadcastStatus Status { get; init; }
    [Id(4)] public required ScheduleSpec Schedule { get; init; }
    [Id(5)] public DateTimeOffset? NextRunAt { get; init; }
    [Id(6)] public required string From { get; init; }
    [Id(7)] public string? Body { get; init; }
    [Id(8)] public string? TemplateName { get; init; }
    [Id(9)] public IReadOnlyList<string>? MediaUrls { get; init; }
    [Id(10)] public required string Encoding { get; init; }
    [Id(11)] public int SegmentsPerMessage { get; init; }
    [Id(12)] public long RecipientCount { get; init; }
    [Id(13)] public long InvalidCount { get; init; }
    [Id(14)] public long DuplicateCount { get; init; }
    [Id(15)] public decimal EstimatedCredits { get; init; }
    [Id(16)] public decimal HeldCredits { get; init; }
    [Id(17)] public decimal SpentCredits { get; init; }
    [Id(18)] public decimal RefundedCredits { get; init; }
    [Id(19)] public bool RequiresApproval { get; init; }
    [Id(20)] public DateTimeOffset? ApprovedAt { get; init; }
    [Id(21)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(22)] public DateTimeOffset? StartedAt { get; init; }
    [Id(23)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(24)] public required DrSummary DrSummary { get; init; }
    [Id(25)] public required IReadOnlyList<CountryBreakdown> Breakdown { get; init; }
    [Id(26)] public int Runs { get; init; }
    [Id(27)] public IReadOnlyList<DateTimeOffset> UpcomingRuns { get; init; } = [];
    [Id(28)] public long ReplyCount { get; init; }
    [Id(29)] public int ValidityMinutes { get; init; }
    [Id(30)] public string? FailureReason { get; init; }

    /// <summary>The route code every recipient is forced through, or null when the routing table decides.</summary>
    [Id(31)] public string? Route { get; init; }

    /// <summary>API.md's <c>smartEncoding</c>: look-alike characters are sent as their GSM-7 forms.</summary>
    [Id(101)] public bool SmartEncoding { get; init; }

    /// <summary>The contact lists the broadcast sends to (read when each run starts), or null.</summary>
    [Id(61)] public IReadOnlyList<string>? ListIds { get; init; }

    /// <summary>The smart list the broadcast sends to (resolved when each run starts), or null.</summary>
    [Id(62)] public string? SmartListSlug { get; init; }

    /// <summary>API.md's <c>trackLinks</c>: links are sent as short links that count clicks.</summary>
    [Id(111)] public bool TrackLinks { get; init; }

    /// <summary>API.md's <c>clicks</c>: every click on the broadcast's short links, and the recipients who clicked.</summary>
    [Id(112)] public ClickTotals Clicks { get; init; } = ClickTotals.None;
#pragma warning restore CS1591
}
