namespace BroadcastGrains.Broadcasts;

/// <summary>The answer to a broadcast command: the broadcast as it now is, or the refusal.</summary>
[GenerateSerializer, Immutable, Alias("broadcast-outcome")]
public sealed record BroadcastOutcome(
    [property: Id(0)] BroadcastView? Broadcast,
    [property: Id(1)] BroadcastError? Error,
    [property: Id(2)] PrecheckView? Precheck = null)
{
    /// <summary>True when the command was refused.</summary>
    public bool IsError => Error is not null;

    /// <summary>A refusal.</summary>
    public static BroadcastOutcome Fail(string code, string detail) => new(null, new BroadcastError(code, detail));

    /// <summary>A refusal with per-field messages.</summary>
    public static BroadcastOutcome Fail(BroadcastError error) => new(null, error);
}
