using System.Globalization;
using System.Net;
using System.Text.Json;

namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// What the Messages API's answer to a submit means for the message: a <c>sid</c> on 200/201 is accepted; 429 and 503
/// mean the carrier took nothing (try later); any other 4xx refuses it for good (<c>twilio:{code}</c>); any other 5xx
/// leaves it unknown whether the carrier has it, so it is accepted as unconfirmed and never sent again.
/// </summary>
public static class TwilioAnswers
{
    /// <summary>The error an unconfirmed message carries (shown nowhere; kept for logs).</summary>
    public const string Unconfirmed = "unconfirmed";

    /// <summary>The result of a submit answered <paramref name="status"/> with <paramref name="body"/>.</summary>
    public static SubmitResult Of(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code is 200 or 201)
        {
            // A success without a sid cannot get a status callback, but the carrier has the message: never resend it.
            return Field(body, "sid") is { Length: > 0 } sid
                ? new SubmitResult(SubmitStatus.Accepted, sid, null)
                : new SubmitResult(SubmitStatus.Accepted, null, Unconfirmed);
        }
        if (code is 429 or 503)
        {
            return new SubmitResult(SubmitStatus.RetryLater, null, $"http {code}");
        }
        if (code is >= 400 and < 500)
        {
            return new SubmitResult(SubmitStatus.Rejected, null, "twilio:" + (Field(body, "code") ?? code.ToString(CultureInfo.InvariantCulture)));
        }
        return UnconfirmedResult;
    }

    /// <summary>A submit written but not answered (a timeout, a connection lost, a 5xx).</summary>
    public static SubmitResult UnconfirmedResult => new(SubmitStatus.Accepted, null, Unconfirmed);

    static string? Field(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value))
            {
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): no field.
        }
        return null;
    }
}
