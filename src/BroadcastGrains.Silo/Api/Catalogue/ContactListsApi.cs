using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary><c>/v1/contact-lists</c>: lists of up to 2,000,000 contacts, filled by JSON or CSV uploads, named by <c>listIds</c>.</summary>
internal static class ContactListsApi
{
    /// <summary>API.md: CSV uploads take bodies up to 256 MB (so do JSON ones: it is the same upload).</summary>
    public const long UploadBodyLimit = 256L * 1024 * 1024;

    internal sealed record ContactListRequest(string? Name);

    internal sealed record ContactUploadJson(long Added, long Updated, long Invalid, long Duplicates);

    public static void MapContactListsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/contact-lists").WithTags("Contact lists");
        api.MapPost("/", CreateAsync).RequireAuthorization(Scopes.ListsWrite).WithName("CreateContactList");
        api.MapGet("/{id}", GetAsync).RequireAuthorization(Scopes.SmsRead).WithName("GetContactList");
        api.MapPost("/{id}/contacts", UploadAsync).RequireAuthorization(Scopes.ListsWrite).AddEndpointFilter<UploadSlotFilter>()
            .WithName("UploadContacts");
        api.MapContactListManagementApi();
        app.MapSmartListsApi();
    }

    static async Task<Results<Created<ContactListView>, ProblemHttpResult>> CreateAsync(
        ContactListRequest request, ClientContext client, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ApiProblems.Validation("name", "name is required, at most 200 characters");
        }
        var id = CatalogueIds.New(CatalogueIds.ContactList);
        var list = await grains.GetGrain<IContactListGrain>(id).CreateAsync(client.ClientId, request.Name);
        return TypedResults.Created($"/v1/contact-lists/{id}", list!);
    }

    static async Task<Results<Ok<ContactListView>, ProblemHttpResult>> GetAsync(string id, ClientContext client, IGrainFactory grains) =>
        Find(id, grains) is { } grain && await grain.GetAsync(client.ClientId) is { } list ? TypedResults.Ok(list) : NotFound(id);

    static async Task<Results<Ok<ContactUploadJson>, ProblemHttpResult>> UploadAsync(
        string id, string? defaultRegion, HttpContext context, ClientContext client, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        if (Find(id, grains) is not { } list || await list.GetAsync(client.ClientId) is null)
        {
            return NotFound(id);
        }
        if (defaultRegion is not null && !PhoneNumbers.PhoneNumberClassifier.IsRegionCode(defaultRegion))
        {
            return ApiProblems.Validation("defaultRegion", "defaultRegion must be an ISO 3166 alpha-2 region code");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UploadBodyLimit;
        }
        // All or nothing: the whole upload is read (and refused, if it must be) before the list sees any of it. Batches are
        // compact columns (8 bytes a number), so 2,000,000 rows without variables are ~16 MB here.
        var batches = new List<RecipientInput>();
        Task SinkAsync(RecipientInput batch)
        {
            batches.Add(batch);
            return Task.CompletedTask;
        }
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        var refused = mediaType switch
        {
            "text/csv" => await ContactUploadReader.ReadCsvAsync(context.Request.Body, SinkAsync, context.RequestAborted),
            null or "application/json" => await ContactUploadReader.ReadJsonAsync(context.Request.Body, json.Value.SerializerOptions, SinkAsync,
                context.RequestAborted),
            _ => new BroadcastError(ApiProblems.UnsupportedMediaType, "upload text/csv or application/json"),
        };
        if (refused is not null)
        {
            return ApiProblems.Result(refused);
        }
        if (await list.AddContactsAsync(client.ClientId, batches, defaultRegion) is not { } total)
        {
            return NotFound(id);
        }
        return total.Error is { } error
            ? ApiProblems.Result(error)
            : TypedResults.Ok(new ContactUploadJson(total.Added, total.Updated, total.Invalid, total.Duplicates));
    }

    internal static IContactListGrain? Find(string id, IGrainFactory grains) =>
        CatalogueIds.IsWellFormed(id, CatalogueIds.ContactList) ? grains.GetGrain<IContactListGrain>(id) : null;

    internal static ProblemHttpResult NotFound(string id) => ApiProblems.Result(ErrorCodes.ListNotFound, $"no contact list '{id}'");
}
