using System.Security.Cryptography;
using System.Text;

namespace BroadcastGrains.Silo.Auth;

/// <summary>
/// Keys look like <c>bgk_{id}_{secret}</c>: the id (16 base-32 chars) finds the key's grain in one hop, the secret
/// (40 base-62 chars, ~238 bits) is what makes it unguessable. Only the SHA-256 of the whole key is stored: the key is
/// random and long, so a slow password hash would add latency to every request and no security.
/// </summary>
internal static class ApiKeyFormat
{
    const string Prefix = "bgk_";
    const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const int IdLength = 16;
    const int SecretLength = 40;

    /// <summary>Every key <see cref="New"/> makes is exactly this long.</summary>
    const int KeyLength = 4 + IdLength + 1 + SecretLength;

    public static (string Id, string Key) New()
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, IdLength);
        return (id, $"{Prefix}{id}_{RandomNumberGenerator.GetString(SecretAlphabet, SecretLength)}");
    }

    /// <summary>
    /// The key's id, when the key has exactly the shape <see cref="New"/> gives keys. Anything else cannot exist, so it
    /// is refused here, before a grain is activated or storage read for it (API.md: wrong shape touches no storage).
    /// </summary>
    public static bool TryGetId(string key, out string id)
    {
        id = "";
        if (key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }
        var idPart = key.AsSpan(Prefix.Length, IdLength);
        var secretPart = key.AsSpan(Prefix.Length + IdLength + 1);
        if (idPart.IndexOfAnyExcept(IdAlphabet) >= 0 || secretPart.IndexOfAnyExcept(SecretAlphabet) >= 0)
        {
            return false;
        }
        id = idPart.ToString();
        return true;
    }

    public static bool IsKeyId(string? id) => id is { Length: IdLength } && id.AsSpan().IndexOfAnyExcept(IdAlphabet) < 0;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>What listings show of a key: enough to recognise it, not to use it.</summary>
    public static string DisplayPrefix(string key) => key[..(Prefix.Length + IdLength)];
}
