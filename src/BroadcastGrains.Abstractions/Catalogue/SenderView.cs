namespace BroadcastGrains.Catalogue;

/// <summary>A sender id a client registered (API.md <c>/v1/senders</c>).</summary>
/// <param name="Id">The sender's id (<c>snd_…</c>), which the operator approves by.</param>
/// <param name="Name">The name messages go out from: alphanumeric (at most 11 characters) or an E.164 number.</param>
/// <param name="Kind"><c>alphanumeric</c> or <c>phone_number</c>.</param>
/// <param name="Status">The operator's review.</param>
/// <param name="CreatedAt">When the client registered it.</param>
/// <param name="Shared">True for a sender the operator shares with the client (<see cref="SharedSenderView"/>).</param>
[GenerateSerializer, Immutable, Alias("sender-view")]
public sealed record SenderView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] ApprovalStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] bool Shared = false);
