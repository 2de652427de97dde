using System.Text.Json;
using BroadcastGrains.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>
/// <c>PATCH /v1/admin/clients/{id}</c>: changes only the fields the body gives (a field given as null is cleared), checked
/// as a create checks them; the client grain tells the rate limiter, wallet and webhook outbox, so it holds at once.
/// </summary>
internal static class ClientPatchApi
{
    public static async Task<Results<Ok<ClientView>, ProblemHttpResult>> PatchAsync(
        string id, JsonElement body, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiProblems.Validation("body", "the body is a JSON object of the fields to change");
        }
        CreateClientRequest request;
        try
        {
            request = body.Deserialize<CreateClientRequest>(json.Value.SerializerOptions)!;
        }
        catch (JsonException e)
        {
            return ApiProblems.Validation("body", e.Message);
        }
        var given = new HashSet<string>(body.EnumerateObject().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        var errors = ClientValidation.Check(request, patching: true);
        if (given.Contains("agencyId"))
        {
            errors["agencyId"] = ["a client's agency is set when it is created"];
        }
        if (given.Contains("name") && request.Name is null)
        {
            errors["name"] = ["name cannot be cleared"];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var patch = ToPatch(request, given);
        var profile = await grains.GetGrain<IClientGrain>(id).UpdateAsync(patch);
        return profile is null ? AdminApi.ClientNotFound(id) : TypedResults.Ok(ClientView.Of(profile));
    }

    static ClientPatch ToPatch(CreateClientRequest r, HashSet<string> given) => new()
    {
        Name = given.Contains("name") ? new(r.Name!) : null,
        ApprovalThresholds = given.Contains("approvalThresholds") ? new(r.ApprovalThresholds) : null,
        RateLimit = given.Contains("rateLimit") ? new(r.RateLimit) : null,
        DailyQuota = given.Contains("dailyQuota") ? new(r.DailyQuota) : null,
        WebhookUrl = given.Contains("webhookUrl") ? new(r.WebhookUrl) : null,
        WebhookSecret = given.Contains("webhookSecret") ? new(r.WebhookSecret) : null,
        WebhookEvents = given.Contains("webhookEvents") ? new(r.WebhookEvents) : null,
        // Null is the default for these two: false, and no credit.
        RefundFailed = given.Contains("refundFailed") ? new(r.RefundFailed ?? false) : null,
        CreditLimit = given.Contains("creditLimit") ? new(r.CreditLimit ?? 0) : null,
        LowBalanceAlert = given.Contains("lowBalanceAlert") ? new(r.LowBalanceAlert) : null,
    };
}
