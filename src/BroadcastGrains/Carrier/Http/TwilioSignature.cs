using System.Security.Cryptography;
using System.Text;

namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// The <c>X-Twilio-Signature</c> of a callback: base64 of HMAC-SHA1, keyed with the account's AuthToken, over the full
/// URL the carrier called followed by every POST parameter's name and value, sorted by name (ordinal, as Twilio does).
/// </summary>
public static class TwilioSignature
{
    /// <summary>The signature of a POST to <paramref name="url"/> with form <paramref name="parameters"/>.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = new StringBuilder(url);
        // Stable sort by name keeps repeated names (MediaUrl) in the order they came.
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>True when <paramref name="signature"/> is the right one; compared in constant time.</summary>
    public static bool Matches(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(authToken, url, parameters));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
