using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
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
        app.MapPost("/v1/carrier/{carrier}/inbound", InboundAsync).AllowAnonymous().WithTags("Carrier").WithName("CarrierInbound");

    static async Task<Results<Ok<InboundOutcome>, ProblemHttpResult>> InboundAsync(
        string carrier, HttpContext context, CarrierSecret secret, ICarrierLink link, InboundRouter router, TimeProvider time,
        InboundJson? message)
    {
        if (!secret.Matches(context.Request.Headers[CarrierApi.SecretHeader].ToString()))
        {
            return ApiProblems.Result(ErrorCodes.Unauthenticated, $"a valid {CarrierApi.SecretHeader} is required");
        }
        if (!string.Equals(carrier, link.Name, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Result(ErrorCodes.NotFound, $"no carrier '{carrier}'");
        }
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
}
