using System.Security.Cryptography;

namespace BroadcastGrains.Broadcasts;

/// <summary>Broadcast ids: <c>bc_</c> and 20 random lowercase base-32 characters (100 bits).</summary>
public static class BroadcastIds
{
    const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new, unguessable broadcast id.</summary>
    public static string New() => "bc_" + RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>True for a string shaped like a broadcast id (cheap check before touching a grain).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 23 } && id.StartsWith("bc_", StringComparison.Ordinal) && id.AsSpan(3).IndexOfAnyExcept(Alphabet) < 0;
}
