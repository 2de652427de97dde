using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary><c>/v1/admin/agencies</c>: agencies and their keys, which act for the agency's clients with <c>X-Client-Id</c>.</summary>
internal static class AgenciesApi
{
    internal sealed record CreateAgencyRequest(string? Name);

    public static void MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/admin/agencies").RequireAuthorization(Scopes.Operator).WithTags("Admin");
        api.MapPost("/", CreateAsync).WithName("CreateAgency");
        api.MapGet("/{id}", GetAsync).WithName("GetAgency").WithSummary("Read an agency");
        api.MapPost("/{id}/api-keys", CreateKeyAsync).WithName("CreateAgencyApiKey");
        api.MapGet("/{id}/api-keys", ListKeysAsync).WithName("ListAgencyApiKeys").WithSummary("List an agency's API keys");
    }

    static async Task<Results<Created<AgencyProfile>, ProblemHttpResult>> CreateAsync(
        CreateAgencyRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ApiProblems.Validation("name", "name is required, at most 200 characters");
        }
        var id = CatalogueIds.New(CatalogueIds.Agency);
        var agency = await grains.GetGrain<IAgencyGrain>(id).CreateAsync(new AgencyProfile(id, request.Name, time.GetUtcNow()));
        return TypedResults.Created($"/v1/admin/agencies/{id}", agency);
    }

    static async Task<Results<Ok<AgencyProfile>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        await FindAsync(id, grains) is { } agency ? TypedResults.Ok(agency) : NotFound(id);

    static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateKeyAsync(
        string id, CreateApiKeyRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (ApiKeysApi.Check(request) is { } invalid)
        {
            return invalid;
        }
        if (await FindAsync(id, grains) is null)
        {
            return NotFound(id);
        }
        var created = await ApiKeysApi.IssueAsync(grains, ApiKeyOwner.Agency, id, request, time);
        await grains.GetGrain<IAgencyGrain>(id).AddKeyAsync(created.Id);
        return TypedResults.Created($"/v1/admin/api-keys/{created.Id}", created);
    }

    static async Task<Results<Ok<Page<ApiKeySummary>>, ProblemHttpResult>> ListKeysAsync(string id, IGrainFactory grains)
    {
        if (await FindAsync(id, grains) is null)
        {
            return NotFound(id);
        }
        var ids = await grains.GetGrain<IAgencyGrain>(id).GetKeyIdsAsync();
        var records = await Task.WhenAll(ids.Select(k => grains.GetGrain<IApiKeyGrain>(k).GetAsync()));
        return TypedResults.Ok(Page<ApiKeySummary>.Of(records.OfType<ApiKeyRecord>().Select(ApiKeySummary.From).ToList(), null));
    }

    static async Task<AgencyProfile?> FindAsync(string id, IGrainFactory grains) =>
        CatalogueIds.IsWellFormed(id, CatalogueIds.Agency) ? await grains.GetGrain<IAgencyGrain>(id).GetAsync() : null;

    static ProblemHttpResult NotFound(string id) => ApiProblems.Result(ErrorCodes.NotFound, $"no agency '{id}'");
}
