using System.Text.Json;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary><c>POST /v1/broadcasts/{id}/retry</c>: a run of kind retry (API.md).</summary>
internal static class BroadcastRetryApi
{
    public static void MapBroadcastRetryApi(this RouteGroupBuilder api) =>
        api.MapPost("/{id}/retry", RetryAsync).RequireAuthorization(Scopes.SmsSend).WithName("RetryBroadcast");

    static async Task<Results<Ok<BroadcastJson>, ProblemHttpResult>> RetryAsync(
        string id, HttpRequest request, ClientContext client, IGrainFactory grains)
    {
        var read = await ReadStatusesAsync(request);
        if (read.Problem is not null)
        {
            return read.Problem;
        }
        return await BroadcastsApi.CommandAsync(id, grains, b => b.RetryAsync(client.ClientId, read.Statuses!));
    }

    /// <summary>The body is optional: none, <c>{}</c> or <c>{"statuses": null}</c> retries the default statuses.</summary>
    static async Task<(RecipientStatus[]? Statuses, ProblemHttpResult? Problem)> ReadStatusesAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return (RetryRule.DefaultStatuses, null);
        }
        JsonElement statuses;
        try
        {
            using var body = JsonDocument.Parse(buffer.ToArray());
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiProblems.Validation("body", "the body must be a JSON object"));
            }
            if (!body.RootElement.TryGetProperty("statuses", out statuses) || statuses.ValueKind == JsonValueKind.Null)
            {
                return (RetryRule.DefaultStatuses, null);
            }
            statuses = statuses.Clone();
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Validation("body", "the body is not valid JSON"));
        }
        if (statuses.ValueKind != JsonValueKind.Array || statuses.GetArrayLength() == 0)
        {
            return (null, ApiProblems.Validation("statuses", "statuses must be a non-empty array of failed, timeout, expired"));
        }
        var parsed = new List<RecipientStatus>();
        foreach (var item in statuses.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !RecipientStatuses.TryParseApiName(item.GetString()!, out var status)
                || !RetryRule.Retryable.Contains(status))
            {
                return (null, ApiProblems.Validation("statuses", $"{item.GetRawText()} is not a retryable status (failed, timeout, expired)"));
            }
            parsed.Add(status);
        }
        return ([.. parsed.Distinct()], null);
    }
}
