using System.Text;

namespace BroadcastGrains.Silo.Auth;

/// <summary>
/// The key a request presents: <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c>, or HTTP Basic with the
/// key's id as user and the whole key as password (<c>curl -u key_id:key</c>, as Twilio-style clients send it). Basic
/// names the id twice, so <see cref="ClaimedId"/> keeps the user name: a key presented under another key's id is refused.
/// </summary>
internal sealed record PresentedKey(string Key, string? ClaimedId)
{
    const string BearerPrefix = "Bearer ";
    const string BasicPrefix = "Basic ";

    /// <summary>True when the key may be used: not Basic, or Basic with the user naming this key's own id.</summary>
    public bool PairsWith(string keyId) => ClaimedId is null || string.Equals(ClaimedId, keyId, StringComparison.Ordinal);

    /// <summary>What the headers present, or null when they present no key at all (or a Basic value that is not one).</summary>
    public static PresentedKey? Read(string? authorization, string? apiKeyHeader)
    {
        authorization ??= "";
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return new PresentedKey(authorization[BearerPrefix.Length..].Trim(), null);
        }
        if (authorization.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ReadBasic(authorization[BasicPrefix.Length..].Trim());
        }
        var apiKey = apiKeyHeader?.Trim() ?? "";
        return apiKey.Length > 0 ? new PresentedKey(apiKey, null) : null;
    }

    static PresentedKey? ReadBasic(string encoded)
    {
        // A key is short: anything longer than a few hundred bytes is not one of ours, and is not worth decoding.
        if (encoded.Length is 0 or > 512)
        {
            return null;
        }
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return null;
        }
        var pair = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == pair.Length - 1)
        {
            return null;
        }
        return new PresentedKey(pair[(colon + 1)..], pair[..colon]);
    }
}
