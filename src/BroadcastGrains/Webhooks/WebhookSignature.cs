using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BroadcastGrains.Webhooks;

/// <summary><c>X-Broadcast-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Broadcast-Signature";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> (what a receiver checks).</summary>
    public static bool Verify(string secret, string? header, string body)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, unix, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes($"t={t},v1={v1}"));
    }
}
