namespace BroadcastGrains.Broadcasts;

/// <summary>What a broadcast sends and when: the command without its recipients.</summary>
[GenerateSerializer, Immutable, Alias("broadcast-definition")]
public sealed record BroadcastDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string From,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? TemplateName,
    [property: Id(4)] IReadOnlyList<string>? MediaUrls,
    [property: Id(5)] ScheduleSpec Schedule,
    [property: Id(6)] int ValidityMinutes,
    [property: Id(7)] string? Route = null,
    [property: Id(77)] bool SmartEncoding = false,
    [property: Id(37)] IReadOnlyList<string>? ListIds = null,
    [property: Id(38)] string? SmartListSlug = null,
    [property: Id(47)] IReadOnlyDictionary<string, string>? Variables = null,
    [property: Id(87)] bool TrackLinks = false,
    [property: Id(88)] Links.TrackedLinks? Links = null)
{
    // Links: set when the broadcast is planned (TrackLinks with a body); the block its codes are drawn from.
    public static BroadcastDefinition Of(CreateBroadcastCommand command) => new(command.Name, command.From, command.Body,
        command.TemplateName, command.MediaUrls, command.Schedule, command.ValidityMinutes, command.Route,
        command.SmartEncoding,
        command.ListIds is { Count: > 0 } lists ? [.. lists.Distinct(StringComparer.Ordinal)] : null, command.SmartListSlug,
        command.Variables, command.TrackLinks);

    /// <summary>The recipients come from contact lists or a smart list, read again when each run starts.</summary>
    public bool FromAudience => ListIds is { Count: > 0 } || SmartListSlug is not null;

    /// <summary>The text partitions render.</summary>
    public string? SentBody => Body;
}
