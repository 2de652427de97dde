using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>/v1/contact-lists</c> beyond create and upload: the client's lists page by page, rename, delete, a list's contacts
/// page by page, and removing one contact.
/// </summary>
internal static class ContactListManagementApi
{
    public static void MapContactListManagementApi(this RouteGroupBuilder api)
    {
        api.MapGet("/", ListAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListContactLists");
        api.MapPatch("/{id}", RenameAsync).RequireAuthorization(Scopes.ListsWrite).WithName("RenameContactList");
        api.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Scopes.ListsWrite).WithName("DeleteContactList");
        api.MapGet("/{id}/contacts", ContactsAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListContacts");
        api.MapDelete("/{id}/contacts/{phone}", RemoveContactAsync).RequireAuthorization(Scopes.ListsWrite).WithName("RemoveContact");
    }

    static async Task<Results<Ok<Page<ContactListView>>, ProblemHttpResult>> ListAsync(
        string? limit, string? cursor, ClientContext client, IGrainFactory grains)
    {
        if (PagingQuery.CheckLimit(limit, out var take) is { } badLimit)
        {
            return badLimit;
        }
        if (PagingQuery.CheckCursor(cursor, out var after) is { } badCursor)
        {
            return badCursor;
        }
        var page = await grains.GetGrain<IContactListIndexGrain>(client.ClientId).PageAsync(after, take);
        var lists = await Task.WhenAll(page.Ids.Select(id => grains.GetGrain<IContactListGrain>(id).GetAsync(client.ClientId)));
        var items = lists.OfType<ContactListView>().ToList();
        return TypedResults.Ok(Page<ContactListView>.Of(items, page.NextAfter?.ToString(CultureInfo.InvariantCulture)));
    }

    static async Task<Results<Ok<ContactListView>, ProblemHttpResult>> RenameAsync(
        string id, ContactListsApi.ContactListRequest request, ClientContext client, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ApiProblems.Validation("name", "name is required, at most 200 characters");
        }
        return ContactListsApi.Find(id, grains) is { } list && await list.RenameAsync(client.ClientId, request.Name) is { } renamed
            ? TypedResults.Ok(renamed)
            : ContactListsApi.NotFound(id);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ClientContext client, IGrainFactory grains) =>
        ContactListsApi.Find(id, grains) is { } list && await list.DeleteAsync(client.ClientId)
            ? TypedResults.NoContent()
            : ContactListsApi.NotFound(id);

    static async Task<Results<Ok<Page<ContactView>>, ProblemHttpResult>> ContactsAsync(
        string id, string? limit, string? cursor, ClientContext client, IGrainFactory grains)
    {
        if (PagingQuery.CheckLimit(limit, out var take) is { } badLimit)
        {
            return badLimit;
        }
        if (PagingQuery.CheckCursor(cursor, pair: true) is { } badCursor)
        {
            return badCursor;
        }
        if (ContactListsApi.Find(id, grains) is not { } list || await list.GetAsync(client.ClientId) is null)
        {
            return ContactListsApi.NotFound(id);
        }
        return await list.ListContactsAsync(client.ClientId, cursor, take) is { } page
            ? TypedResults.Ok(Page<ContactView>.Of(page.Items, page.NextCursor))
            : ApiProblems.Validation("cursor", "cursor is not one this API gave");
    }

    static async Task<Results<NoContent, ProblemHttpResult>> RemoveContactAsync(string id, string phone, ClientContext client, IGrainFactory grains)
    {
        if (ContactListsApi.Find(id, grains) is not { } list || await list.GetAsync(client.ClientId) is null)
        {
            return ContactListsApi.NotFound(id);
        }
        // As /v1/opt-outs/{phone}: the + may come as is, URL-encoded, as a space, or not at all.
        var text = Uri.UnescapeDataString(phone).Trim();
        var removed = RecipientInput.TryParseE164Digits(text.StartsWith('+') ? text : "+" + text, out var number)
            && await list.RemoveContactAsync(client.ClientId, number);
        return removed ? TypedResults.NoContent() : ApiProblems.Result(ErrorCodes.NotFound, "the list has no contact with that number");
    }
}
