namespace BroadcastGrains.Catalogue;

/// <summary>What <see cref="ISharedSendersGrain.ShareAsync"/> answered.</summary>
/// <param name="Sender">The shared sender; null when refused.</param>
/// <param name="Created">True when the name was not shared before (201 rather than 200).</param>
/// <param name="Error">The error code that refused it (<c>VALIDATION_FAILED</c>, <c>SENDER_TAKEN</c>).</param>
/// <param name="Field">The request field at fault.</param>
/// <param name="Detail">Why, in words.</param>
[GenerateSerializer, Immutable, Alias("shared-sender-outcome")]
public sealed record SharedSenderOutcome(
    [property: Id(0)] SharedSenderView? Sender,
    [property: Id(1)] bool Created,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? Field = null,
    [property: Id(4)] string? Detail = null);
