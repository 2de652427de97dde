namespace BroadcastGrains.Messages;

/// <summary>What every recipient of a broadcast is sent: the sender, the body (with <c>{{variables}}</c>) and any media.</summary>
[GenerateSerializer, Immutable, Alias("message-spec")]
public sealed record MessageSpec(
    [property: Id(0)] string From,
    [property: Id(1)] string Body,
    [property: Id(2)] IReadOnlyList<string>? MediaUrls,
    [property: Id(3)] int ValidityMinutes,
    [property: Id(4)] bool Paced = false,
    [property: Id(5)] string? Route = null,
    [property: Id(75)] bool SmartEncoding = false,
    [property: Id(45)] IReadOnlyDictionary<string, string>? Variables = null,
    [property: Id(85)] BroadcastGrains.Links.TrackedLinks? Links = null)
{
    // Links: trackLinks' short links, with the block their codes come from.
    // SmartEncoding: look-alike characters go as their GSM-7 forms (GsmLookAlikes), in pricing and at send.
    // Route: the broadcast's forced route code, which takes every recipient whatever the table's filters.
    // Variables: the request's values for placeholders a recipient lacks.
    // Paced: drip or quiet hours; partitions ask the broadcast for permission before each batch.

    /// <summary>Media make a message an MMS, priced per message rather than per segment.</summary>
    public bool IsMms => MediaUrls is { Count: > 0 };
}
