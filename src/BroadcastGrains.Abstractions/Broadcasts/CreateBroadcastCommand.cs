namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Everything a client asks for when it creates (or prechecks) a broadcast. <c>Variables</c> are request-level
/// values for placeholders a recipient lacks.
/// </summary>
[GenerateSerializer, Immutable, Alias("create-broadcast")]
public sealed record CreateBroadcastCommand(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Name,
    [property: Id(2)] string From,
    [property: Id(3)] string? Body,
    [property: Id(4)] string? TemplateName,
    [property: Id(5)] IReadOnlyList<string>? MediaUrls,
    [property: Id(6)] RecipientInput Recipients,
    [property: Id(7)] IReadOnlyList<string>? ListIds,
    [property: Id(8)] string? DefaultRegion,
    [property: Id(9)] DuplicatePolicy OnDuplicate,
    [property: Id(10)] ScheduleSpec Schedule,
    [property: Id(11)] int ValidityMinutes,
    [property: Id(12)] bool DryRun,
    [property: Id(13)] byte[]? RequestHash = null,
    [property: Id(14)] string? Route = null,
    [property: Id(84)] bool SmartEncoding = false,
    [property: Id(44)] string? SmartListSlug = null,
    [property: Id(54)] IReadOnlyDictionary<string, string>? Variables = null,
    [property: Id(94)] bool TrackLinks = false)
{
    /// <summary>API.md's default validity: two days.</summary>
    public const int DefaultValidityMinutes = 2880;
}
