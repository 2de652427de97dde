using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// Settings of an <c>Http</c> connector with <c>Protocol=TwilioCompatible</c> (they sit in its
/// <c>Broadcast:Connectors:{name}</c> section): the account to submit with and the public address the carrier calls back.
/// </summary>
public sealed class TwilioOptions : IValidatableObject
{
    /// <summary>The only protocol an <c>Http</c> connector speaks in this version.</summary>
    public const string TwilioCompatible = "TwilioCompatible";

    /// <summary>The carrier's Messages API protocol.</summary>
    public string? Protocol { get; set; }

    /// <summary>Where the Messages API lives (Twilio's by default; a compatible carrier's otherwise).</summary>
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The account submits go to (user name of HTTP Basic).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's secret: the Basic password and the key callbacks are signed with.</summary>
    public string? AuthToken { get; set; }

    /// <summary>This cluster's public address, as the carrier reaches it (status callbacks and signatures use it).</summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>Requests in flight per silo.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>How long a submit may take before it counts as unconfirmed.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Protocol, TwilioCompatible, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Protocol must be {TwilioCompatible} (was '{Protocol}')");
        }
        if (!IsAbsoluteHttp(BaseUrl))
        {
            yield return new ValidationResult($"BaseUrl must be an absolute http(s) URL (was '{BaseUrl}')");
        }
        if (string.IsNullOrWhiteSpace(AccountSid))
        {
            yield return new ValidationResult("AccountSid is required: the account submits go to");
        }
        if (string.IsNullOrWhiteSpace(AuthToken))
        {
            yield return new ValidationResult("AuthToken is required: it authenticates submits and verifies callbacks");
        }
        if (!IsAbsoluteHttp(CallbackBaseUrl))
        {
            yield return new ValidationResult("CallbackBaseUrl is required: this cluster's public http(s) address for status callbacks");
        }
    }

    /// <summary>The status callback URL of connector <paramref name="name"/>.</summary>
    public string StatusCallbackUrl(string name) => $"{CallbackBaseUrl!.TrimEnd('/')}/v1/carrier/{name}/status";

    static bool IsAbsoluteHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
