namespace BroadcastGrains.Catalogue;

/// <summary>A sender after a registration or review, or the error code (<c>SENDER_TAKEN</c>) that refused it.</summary>
/// <param name="Sender">The sender; null when there is none (an unknown id, a name that is not a sender name) or it was refused.</param>
/// <param name="Error">The error code that refused it, or null.</param>
[GenerateSerializer, Immutable, Alias("sender-outcome")]
public sealed record SenderOutcome([property: Id(0)] SenderView? Sender, [property: Id(1)] string? Error = null);
