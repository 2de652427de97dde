using System.ComponentModel.DataAnnotations;
using System.Net;

namespace BroadcastGrains.Silo.Edge;

/// <summary>
/// The <c>Broadcast:Http</c> section's <c>TrustedProxies</c>: the reverse proxies (IPs or CIDRs, comma-separated)
/// whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the silo believes. Unset, no forwarded header is read at
/// all, so nobody can claim another address to pass an IP allowlist.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string Section = "Broadcast:Http";

    /// <summary>E.g. <c>10.0.0.5,10.1.0.0/16</c>.</summary>
    public string? TrustedProxies { get; set; }

    /// <summary>The parsed list; an address alone is its own /32 or /128.</summary>
    public IReadOnlyList<IPNetwork> Networks() => [.. Entries().Select(e => Parse(e) ?? throw new FormatException(e))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Entries().Where(e => Parse(e) is null).Select(e => new ValidationResult(
            $"Broadcast__Http__TrustedProxies: '{e}' is neither an IP address nor a CIDR", [nameof(TrustedProxies)]));

    IEnumerable<string> Entries() =>
        (TrustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static IPNetwork? Parse(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }
        return IPAddress.TryParse(entry, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }
}
