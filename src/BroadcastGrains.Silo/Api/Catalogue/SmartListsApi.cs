using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary><c>/v1/smart-lists</c>: the contacts of some lists that match conditions on their variables, by slug.</summary>
internal static class SmartListsApi
{
    internal sealed record SmartListRequest(string? Slug, string? Name, IReadOnlyList<string>? ListIds, IReadOnlyList<SmartListCondition>? Where);

    internal sealed record PreviewJson(string Slug, long Count);

    public static void MapSmartListsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/smart-lists").WithTags("Smart lists");
        api.MapPost("/", CreateAsync).RequireAuthorization(Scopes.ListsWrite).WithName("CreateSmartList");
        api.MapGet("/", async (ClientContext client, IGrainFactory grains) =>
            TypedResults.Ok(Page<SmartListView>.Of(await grains.GetGrain<ISmartListsGrain>(client.ClientId).ListAsync(), null)))
            .RequireAuthorization(Scopes.SmsRead).WithName("ListSmartLists");
        api.MapGet("/{slug}", GetAsync).RequireAuthorization(Scopes.SmsRead).WithName("GetSmartList");
        api.MapDelete("/{slug}", DeleteAsync).RequireAuthorization(Scopes.ListsWrite).WithName("DeleteSmartList");
        api.MapGet("/{slug}/preview", PreviewAsync).RequireAuthorization(Scopes.SmsRead).WithName("PreviewSmartList");
    }

    static async Task<Results<Created<SmartListView>, ProblemHttpResult>> CreateAsync(
        SmartListRequest request, ClientContext client, IGrainFactory grains)
    {
        if (request.Slug is not { Length: >= 1 and <= 64 } slug || !slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return ApiProblems.Validation("slug", "slug is required: 1–64 letters, digits, '-' or '_'");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ApiProblems.Validation("name", "name is required, at most 200 characters");
        }
        if (request.ListIds is not { Count: >= 1 and <= RequestLimits.MaxListIds } listIds)
        {
            return ApiProblems.Validation("listIds", $"listIds needs 1 to {RequestLimits.MaxListIds} contact lists");
        }
        var where = request.Where ?? [];
        foreach (var listId in listIds)
        {
            if (ContactListsApi.Find(listId, grains) is not { } list || await list.GetAsync(client.ClientId) is null)
            {
                return ContactListsApi.NotFound(listId);
            }
        }
        var smart = new SmartListView(slug, request.Name, [.. listIds.Distinct(StringComparer.Ordinal)], where);
        return await grains.GetGrain<ISmartListsGrain>(client.ClientId).CreateAsync(smart) is { } refused
            ? ApiProblems.Result(refused)
            : TypedResults.Created($"/v1/smart-lists/{slug}", smart);
    }

    static async Task<Results<Ok<SmartListView>, ProblemHttpResult>> GetAsync(string slug, ClientContext client, IGrainFactory grains) =>
        await grains.GetGrain<ISmartListsGrain>(client.ClientId).GetAsync(slug) is { } smart ? TypedResults.Ok(smart) : NotFound(slug);

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string slug, ClientContext client, IGrainFactory grains) =>
        await grains.GetGrain<ISmartListsGrain>(client.ClientId).DeleteAsync(slug) ? TypedResults.NoContent() : NotFound(slug);

    static async Task<Results<Ok<PreviewJson>, ProblemHttpResult>> PreviewAsync(string slug, ClientContext client, IGrainFactory grains)
    {
        var count = await grains.GetGrain<ISmartListsGrain>(client.ClientId).PreviewAsync(slug);
        return count is null ? NotFound(slug) : TypedResults.Ok(new PreviewJson(slug, count.Value));
    }

    static ProblemHttpResult NotFound(string slug) => ApiProblems.Result(ErrorCodes.SmartListNotFound, $"no smart list '{slug}'");
}
