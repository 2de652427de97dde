namespace BroadcastGrains.Broadcasts;

/// <summary>One recipient as <c>GET …/recipients</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("recipient-view")]
public sealed record RecipientView(
    [property: Id(0)] string To,
    [property: Id(1)] RecipientStatus Status,
    [property: Id(2)] int Segments,
    [property: Id(3)] decimal Credits,
    [property: Id(4)] string? CarrierMessageId,
    [property: Id(5)] string? Error,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string? Route = null,
    [property: Id(8)] string? Connector = null,
    [property: Id(9)] int Attempts = 0,
    [property: Id(10)] long ReplyCount = 0,
    [property: Id(20)] int Clicks = 0);

/// <summary>A page of recipients in a stable order; <see cref="NextCursor"/> continues it.</summary>
[GenerateSerializer, Immutable, Alias("recipient-page")]
public sealed record RecipientPage(
    [property: Id(0)] IReadOnlyList<RecipientView> Items,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] DrSummary Summary);
