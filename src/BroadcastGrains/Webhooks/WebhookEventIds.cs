using System.Security.Cryptography;
using System.Text;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// Event ids derived from what happened (<c>evt_</c> and 24 hex characters of a hash), so an event raised twice —
/// a retried grain call, a reactivated grain — is the same event and the outbox keeps it once.
/// </summary>
public static class WebhookEventIds
{
    public static string Of(params string[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', facts)));
        return "evt_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
