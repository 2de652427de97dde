using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Partitions;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary><c>/v1/carrier/{carrier}/receipts</c>: delivery receipts from a carrier, authenticated by a shared secret.</summary>
internal static class CarrierApi
{
    public const string SecretHeader = "X-Carrier-Secret";

    public static void MapCarrierApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/carrier/{carrier}").AllowAnonymous().WithTags("Carrier");
        api.MapPost("/receipts", ReceiptsAsync).WithName("CarrierReceipts");
    }

    static async Task<Results<Ok<ReceiptsAccepted>, ProblemHttpResult>> ReceiptsAsync(
        string carrier, HttpContext context, CarrierSecret secret, ConnectorRegistry connectors, ReceiptRouter router,
        IReadOnlyList<ReceiptJson>? receipts, CancellationToken cancellationToken)
    {
        if (!secret.Matches(context.Request.Headers[SecretHeader].ToString()))
        {
            return ApiProblems.Result(ErrorCodes.Unauthenticated, $"a valid {SecretHeader} is required");
        }
        // Every configured connector takes receipts here, not only the first: carrier message ids name their partition,
        // whichever connector submitted them.
        if (connectors.Find(carrier) is null)
        {
            return ApiProblems.Result(ErrorCodes.NotFound, $"no carrier '{carrier}'");
        }
        if (receipts is null)
        {
            return ApiProblems.Validation("body", "the body must be a JSON array of receipts");
        }
        var parsed = new CarrierReceipt[receipts.Count];
        for (var i = 0; i < receipts.Count; i++)
        {
            var r = receipts[i];
            if (string.IsNullOrEmpty(r.CarrierMessageId) || ParseOutcome(r.Status) is not { } outcome)
            {
                return ApiProblems.Validation($"[{i}]", "each receipt needs a carrierMessageId and a status of delivered, failed or expired");
            }
            parsed[i] = new CarrierReceipt(r.CarrierMessageId, outcome, r.Error, r.At ?? DateTimeOffset.UtcNow);
        }
        var unmatched = await router.RouteAsync(parsed, cancellationToken);
        return TypedResults.Ok(new ReceiptsAccepted(parsed.Length - unmatched, unmatched));
    }

    static ReceiptOutcome? ParseOutcome(string? status) => status switch
    {
        "delivered" => ReceiptOutcome.Delivered,
        "failed" => ReceiptOutcome.Failed,
        "expired" => ReceiptOutcome.Expired,
        _ => null,
    };

    internal sealed record ReceiptJson(string? CarrierMessageId, string? Status, string? Error, DateTimeOffset? At);

    internal sealed record ReceiptsAccepted(int Accepted, int Unmatched);
}
