using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Carrier.Http;
using BroadcastGrains.Inbound;
using BroadcastGrains.PhoneNumbers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// The callbacks of an <c>Http</c> (Twilio-compatible) connector: <c>POST /v1/carrier/{name}/status</c> and the
/// Twilio form of <c>/v1/carrier/{name}/inbound</c>. Both are forms signed with <c>X-Twilio-Signature</c> over the URL
/// the carrier was given (<c>CallbackBaseUrl</c> + path), so a proxy in front of the silo does not break them; an
/// unsigned or wrongly signed one is refused before anything is read into the cluster.
/// </summary>
internal static class TwilioCallbackApi
{
    public const string SignatureHeader = "X-Twilio-Signature";
    const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public static void MapTwilioCallbackApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/carrier/{carrier}/status", StatusAsync).AllowAnonymous().WithTags("Carrier").WithName("CarrierStatus")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded").DisableAntiforgery();

    static async Task<Results<Ok<StatusApplied>, ProblemHttpResult>> StatusAsync(string carrier, HttpRequest request,
        ConnectorRegistry connectors, CancellationToken cancellationToken)
    {
        if (Verified(connectors, carrier, request, await FormOf(request, cancellationToken)) is not { } verified)
        {
            return Refused(connectors, carrier);
        }
        var (twilio, form) = verified;
        var applied = await twilio.ApplyStatusAsync(form["MessageSid"], form["MessageStatus"], form["ErrorCode"], cancellationToken);
        return TypedResults.Ok(new StatusApplied(applied));
    }

    /// <summary>The Twilio form of inbound: routes the message and answers empty TwiML, or null when refused.</summary>
    public static async Task<IResult> InboundAsync(TwilioCarrier twilio, HttpRequest request, InboundRouter router,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await FormOf(request, cancellationToken);
        if (form is null || !SignatureMatches(twilio, request, form))
        {
            return ApiProblems.Result(ErrorCodes.Unauthenticated, $"a valid {SignatureHeader} is required");
        }
        if (!PhoneNumberClassifier.Shared.TryNormalize(form["From"].ToString(), null, out var from))
        {
            return ApiProblems.Validation("From", "From must be the handset's number in E.164 form");
        }
        if (string.IsNullOrWhiteSpace(form["To"]))
        {
            return ApiProblems.Validation("To", "To must name the number the message was sent to");
        }
        await router.RouteAsync(new InboundMessage(from, form["To"].ToString(), form["Body"].ToString(), time.GetUtcNow()));
        return Results.Content(EmptyTwiml, "text/xml");
    }

    static (TwilioCarrier, IFormCollection)? Verified(ConnectorRegistry connectors, string carrier, HttpRequest request,
        IFormCollection? form) =>
        connectors.Find(carrier)?.Carrier is TwilioCarrier twilio && form is not null && SignatureMatches(twilio, request, form)
            ? (twilio, form)
            : null;

    static ProblemHttpResult Refused(ConnectorRegistry connectors, string carrier) =>
        connectors.Find(carrier)?.Carrier is TwilioCarrier
            ? ApiProblems.Result(ErrorCodes.Unauthenticated, $"a valid {SignatureHeader} is required")
            : ApiProblems.Result(ErrorCodes.NotFound, $"no HTTP connector '{carrier}'");

    static bool SignatureMatches(TwilioCarrier twilio, HttpRequest request, IFormCollection form)
    {
        var url = twilio.Options.CallbackBaseUrl!.TrimEnd('/') + request.Path + request.QueryString;
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
        return TwilioSignature.Matches(twilio.Options.AuthToken!, url, parameters, request.Headers[SignatureHeader].ToString());
    }

    static async Task<IFormCollection?> FormOf(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;

    internal sealed record StatusApplied(bool Applied);
}
