namespace BroadcastGrains.Storage.Postgres;

/// <summary>What a migration did.</summary>
/// <param name="Before">The version found, or null when the database had no schema.</param>
/// <param name="After">The version now.</param>
/// <param name="Applied">The steps applied, in order (empty: nothing changed).</param>
public sealed record MigrationResult(int? Before, int After, IReadOnlyList<string> Applied);
