using System.Security.Cryptography;

namespace BroadcastGrains.Catalogue;

/// <summary>Ids of catalogue entries: a prefix (<c>ag_</c>, <c>snd_</c>, <c>tpl_</c>, <c>lst_</c>) and 16 random base-32 characters.</summary>
public static class CatalogueIds
{
    public const string Agency = "ag_";
    public const string Sender = "snd_";
    public const string Template = "tpl_";
    public const string ContactList = "lst_";

    const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    const int RandomLength = 16;

    /// <summary>A new, unguessable id with <paramref name="prefix"/>.</summary>
    public static string New(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>True for a string shaped like an id with <paramref name="prefix"/> (a cheap check before touching a grain).</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null && id.Length == prefix.Length + RandomLength && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.AsSpan(prefix.Length).IndexOfAnyExcept(Alphabet) < 0;
}
