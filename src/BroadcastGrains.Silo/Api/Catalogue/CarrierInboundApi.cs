using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Carrier.Http;
using BroadcastGrains.Inbound;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>POST /v1/carrier/{carrier}/inbound</c>: a message a handset sent to one of our senders, authenticated by the carrier
/// secret; STOP/START keywords change the owning clients' opt-out lists, anything else is a reply.
/// </summary>
internal static class CarrierInboundApi
{
    internal sealed record InboundJson(string? From, string? To, string? Text, DateTimeOffset? At);

    public static void MapCarrierInboundApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/carrier/{carrier}/inbound", InboundAsync).AllowAnonymous().WithTags("Carrier").WithName("CarrierInbound")
            .Accepts<InboundJson>("application/json", "application/x-www-form-urlencoded")
            .Produces<InboundOutcome>().ProducesProblem(StatusCodes.Status400BadRequest).DisableAntiforgery();

    // The body is read here, not bound: an HTTP connector's carrier posts a signed form, every other carrier JSON.
    static async Task<IResult> InboundAsync(string carrier, HttpContext context, CarrierSecret secret,
        ConnectorRegistry connectors, InboundRouter router, TimeProvider time, CancellationToken cancellationToken)
    {
        if (connectors.Find(carrier)?.Carrier is TwilioCarrier twilio)
        {
            return await TwilioCallbackApi.InboundAsync(twilio, context.Request, router, time, cancellationToken);
        }
        if (!secret.Matches(context.Request.Headers[CarrierApi.SecretHeader].ToString()))
        {
            return ApiProblems.Result(ErrorCodes.Unauthenticated, $"a valid {CarrierApi.SecretHeader} is required");
        }
        // Any configured connector's replies arrive here (an SMSC's second upstream as much as its first).
        if (connectors.Find(carrier) is null)
        {
            return ApiProblems.Result(ErrorCodes.NotFound, $"no carrier '{carrier}'");
        }
        var message = await ReadJsonAsync(context.Request, cancellationToken);
        if (message?.From is null || !PhoneNumberClassifier.Shared.TryNormalize(message.From, null, out var from))
        {
            return ApiProblems.Validation("from", "from must be the handset's number in E.164 form");
        }
        if (string.IsNullOrWhiteSpace(message.To))
        {
            return ApiProblems.Validation("to", "to must name the sender the message was sent to");
        }
        var outcome = await router.RouteAsync(new InboundMessage(from, message.To, message.Text ?? "", message.At ?? time.GetUtcNow()));
        return TypedResults.Ok(outcome);
    }

    static async Task<InboundJson?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return request.HasJsonContentType() ? await request.ReadFromJsonAsync<InboundJson>(cancellationToken) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
