using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>/v1/api-keys</c>: a client's own keys (scope <c>keys:write</c>), as the operator's endpoint makes them but never
/// <c>approver</c> and only with scopes the calling key has. Another client's key answers 404, like any foreign id.
/// </summary>
internal static class OwnApiKeysApi
{
    internal sealed record OwnKeySummary(string Id, string? Name, IReadOnlyList<string> Scopes, string Prefix,
        DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

    public static void MapOwnApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/api-keys").RequireAuthorization(Scopes.KeysWrite).WithTags("API keys");
        api.MapPost("/", CreateAsync).WithName("CreateOwnApiKey");
        api.MapGet("/", ListAsync).WithName("ListOwnApiKeys");
        api.MapDelete("/{id}", RevokeAsync).WithName("RevokeOwnApiKey");
    }

    static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, ClientContext client, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (request.Approver is true)
        {
            return ApiProblems.Validation("approver", "only the operator makes approver keys");
        }
        if (ApiKeysApi.Check(request) is { } invalid)
        {
            return invalid;
        }
        var callerScopes = http.User.FindAll(ApiKeyClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (ScopeGrant.Beyond(callerScopes, request.Scopes!) is { Count: > 0 } beyond)
        {
            return ApiProblems.Validation("scopes", $"this key cannot give scopes it does not have: {string.Join(", ", beyond)}");
        }
        var created = await ApiKeysApi.IssueAsync(grains, ApiKeyOwner.Client, client.ClientId, request with { Approver = false }, time);
        await grains.GetGrain<IClientGrain>(client.ClientId).AddKeyAsync(created.Id);
        return TypedResults.Created($"/v1/api-keys/{created.Id}", created);
    }

    static async Task<Ok<Page<OwnKeySummary>>> ListAsync(ClientContext client, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IClientGrain>(client.ClientId).GetKeyIdsAsync();
        var records = await Task.WhenAll(ids.Select(k => grains.GetGrain<IApiKeyGrain>(k).GetAsync()));
        var items = records.OfType<ApiKeyRecord>()
            .Where(r => r.RevokedAt is null && r.OwnerKind == ApiKeyOwner.Client && r.OwnerId == client.ClientId)
            .Select(r => new OwnKeySummary(r.Id, r.Name, r.Scopes, r.Prefix, r.CreatedAt, r.LastUsedAt))
            .ToList();
        return TypedResults.Ok(Page<OwnKeySummary>.Of(items, null));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ClientContext client, IGrainFactory grains)
    {
        var key = ApiKeyFormat.IsKeyId(id) ? grains.GetGrain<IApiKeyGrain>(id) : null;
        var record = key is null ? null : await key.GetAsync();
        if (record is null || record.OwnerKind != ApiKeyOwner.Client || record.OwnerId != client.ClientId || record.RevokedAt is not null)
        {
            return ApiProblems.Result(ErrorCodes.NotFound, $"no API key '{id}'");
        }
        await key!.RevokeAsync();
        return TypedResults.NoContent();
    }
}
