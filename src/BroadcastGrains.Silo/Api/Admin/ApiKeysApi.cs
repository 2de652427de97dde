using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>Issuing, listing and revoking API keys. The plain key is shown once, in the create answer.</summary>
internal static class ApiKeysApi
{
    public static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        string id, CreateApiKeyRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (Check(request) is { } invalid)
        {
            return invalid;
        }
        var client = grains.GetGrain<IClientGrain>(id);
        if (await client.GetAsync() is null)
        {
            return AdminApi.ClientNotFound(id);
        }
        var created = await IssueAsync(grains, ApiKeyOwner.Client, id, request, time);
        await client.AddKeyAsync(created.Id);
        return TypedResults.Created($"/v1/admin/api-keys/{created.Id}", created);
    }

    /// <summary>The problem with a key request, or null.</summary>
    internal static ProblemHttpResult? Check(CreateApiKeyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Scopes is not { Count: > 0 } scopes || scopes.Any(s => !Scopes.Known.Contains(s)))
        {
            errors["scopes"] = [$"scopes must be a non-empty list of {string.Join(", ", Scopes.Known)}"];
        }
        if (request.IpAllowlist?.FirstOrDefault(c => !IpAllowlist.IsValid(c)) is { } badCidr)
        {
            errors["ipAllowlist"] = [$"'{badCidr}' is not a CIDR"];
        }
        if (request.Name is { Length: > 200 })
        {
            errors["name"] = ["name is at most 200 characters"];
        }
        return errors.Count > 0
            ? ApiProblems.Validation(errors)
            : null;
    }

    /// <summary>Makes a key for a client or an agency and stores its hash; the answer is the only time the key is shown.</summary>
    internal static async Task<CreatedApiKey> IssueAsync(IGrainFactory grains, ApiKeyOwner owner, string ownerId,
        CreateApiKeyRequest request, TimeProvider time)
    {
        var (keyId, key) = ApiKeyFormat.New();
        var record = new ApiKeyRecord
        {
            Id = keyId,
            OwnerKind = owner,
            OwnerId = ownerId,
            Name = request.Name,
            Scopes = [.. request.Scopes!.Distinct()],
            IpAllowlist = request.IpAllowlist ?? [],
            Approver = request.Approver ?? false,
            Prefix = ApiKeyFormat.DisplayPrefix(key),
            SecretHash = ApiKeyFormat.Hash(key),
            CreatedAt = time.GetUtcNow(),
        };
        await grains.GetGrain<IApiKeyGrain>(keyId).IssueAsync(record);
        return new CreatedApiKey(keyId, key, record.Scopes);
    }

    public static async Task<Results<Ok<Page<ApiKeySummary>>, ProblemHttpResult>> ListAsync(string id, IGrainFactory grains)
    {
        var client = grains.GetGrain<IClientGrain>(id);
        if (await client.GetAsync() is null)
        {
            return AdminApi.ClientNotFound(id);
        }
        var ids = await client.GetKeyIdsAsync();
        var records = await Task.WhenAll(ids.Select(k => grains.GetGrain<IApiKeyGrain>(k).GetAsync()));
        var items = records.OfType<ApiKeyRecord>().Select(ApiKeySummary.From).ToList();
        return TypedResults.Ok(Page<ApiKeySummary>.Of(items, null));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, IGrainFactory grains)
    {
        var revoked = ApiKeyFormat.IsKeyId(id) && await grains.GetGrain<IApiKeyGrain>(id).RevokeAsync();
        return revoked ? TypedResults.NoContent() : ApiProblems.Result(ErrorCodes.NotFound, $"no API key '{id}'");
    }
}
