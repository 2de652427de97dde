namespace BroadcastGrains.Catalogue;

/// <summary>Where an opt-out came from.</summary>
public enum OptOutSource : byte
{
    /// <summary>The client's API (<c>POST /v1/opt-outs</c>).</summary>
    Api,
    /// <summary>A STOP keyword the handset sent.</summary>
    Inbound,
    /// <summary>The operator.</summary>
    Admin,
}

/// <summary>One number on a client's opt-out list; <see cref="Phone"/> is E.164 digits (no <c>+</c>).</summary>
[GenerateSerializer, Immutable, Alias("opt-out-entry")]
public sealed record OptOutEntry(
    [property: Id(0)] long Phone,
    [property: Id(1)] OptOutSource Source,
    [property: Id(2)] DateTimeOffset At);

/// <summary>Opt-outs in number order; <see cref="NextAfter"/> continues the list when there are more.</summary>
[GenerateSerializer, Immutable, Alias("opt-out-page")]
public sealed record OptOutPage(
    [property: Id(0)] IReadOnlyList<OptOutEntry> Items,
    [property: Id(1)] long? NextAfter);

/// <summary>Which of the numbers asked about are opted out (their positions), as of <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("opt-out-matches")]
public sealed record OptOutMatches(
    [property: Id(0)] long Version,
    [property: Id(1)] int[] Indexes);

/// <summary>
/// Numbers opted out since a version, up to <see cref="Version"/>. <see cref="Reset"/>: the changes are no longer
/// known one by one (too many, or before the grain's activation); ask <see cref="IOptOutGrain.MatchAsync"/> instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("opt-out-changes")]
public sealed record OptOutChanges(
    [property: Id(0)] long Version,
    [property: Id(1)] long[] Added,
    [property: Id(2)] bool Reset);
