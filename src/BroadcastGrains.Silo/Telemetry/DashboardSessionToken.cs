using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// The dashboard cookie's value: when it was issued and an HMAC of that time under the operator key. A token older
/// than <see cref="Lifetime"/> is refused whatever the browser kept, so a copied cookie stops working by itself, and a
/// new operator key invalidates every token at once.
/// </summary>
internal static class DashboardSessionToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Clocks of silos behind one load balancer may differ a little.</summary>
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static string Issue(string operatorKey, DateTimeOffset now)
    {
        var issued = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return issued + "." + Mac(operatorKey, issued);
    }

    public static bool IsValid(string operatorKey, string token, DateTimeOffset now)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var issued = token[..dot];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token[(dot + 1)..]), Encoding.ASCII.GetBytes(Mac(operatorKey, issued))))
        {
            return false;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return age >= -ClockSkew && age <= Lifetime;
    }

    static string Mac(string operatorKey, string issued) => WebEncoders.Base64UrlEncode(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(operatorKey), Encoding.UTF8.GetBytes("orleans-dashboard/v2|" + issued)));
}
