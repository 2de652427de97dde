using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>/v1/opt-outs</c>: the numbers a client never sends to. Numbers in a path are E.164 with the <c>+</c> as is,
/// URL-encoded (<c>%2B</c>), turned into a space by a form encoder, or left out.
/// </summary>
internal static class OptOutsApi
{
    internal sealed record OptOutRequest(string? Phone);

    internal sealed record OptOutJson(string Phone, string Source, DateTimeOffset At)
    {
        public static OptOutJson From(OptOutEntry e) =>
            new(PhoneNumberClassifier.Format(e.Phone), e.Source.ToString().ToLowerInvariant(), e.At);
    }

    public static void MapOptOutsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/opt-outs").WithTags("Opt-outs");
        api.MapGet("/", ListAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListOptOuts");
        api.MapPost("/", (OptOutRequest request, ClientContext client, IGrainFactory grains, TimeProvider time) =>
            AddAsync(client.ClientId, request, OptOutSource.Api, grains, time)).RequireAuthorization(Scopes.ListsWrite).WithName("AddOptOut");
        api.MapDelete("/{phone}", RemoveAsync).RequireAuthorization(Scopes.ListsWrite).WithName("RemoveOptOut");
        app.MapPost("/v1/admin/clients/{id}/opt-outs", AddForClientAsync).RequireAuthorization(Scopes.Operator).WithTags("Admin")
            .WithName("AddClientOptOut").WithSummary("Add an opt-out for a client (source admin)");
    }

    static async Task<Results<Ok<Page<OptOutJson>>, ProblemHttpResult>> ListAsync(
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
        var page = await grains.GetGrain<IOptOutGrain>(client.ClientId).ListAsync(after, take);
        var next = page.NextAfter?.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(Page<OptOutJson>.Of(page.Items.Select(OptOutJson.From).ToList(), next));
    }

    static async Task<Results<Created<OptOutJson>, Ok<OptOutJson>, ProblemHttpResult>> AddForClientAsync(
        string id, OptOutRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (await grains.GetGrain<IClientGrain>(id).GetAsync() is null)
        {
            return AdminApi.ClientNotFound(id);
        }
        return await AddAsync(id, request, OptOutSource.Admin, grains, time);
    }

    static async Task<Results<Created<OptOutJson>, Ok<OptOutJson>, ProblemHttpResult>> AddAsync(
        string clientId, OptOutRequest request, OptOutSource source, IGrainFactory grains, TimeProvider time)
    {
        if (request.Phone is null || !PhoneNumberClassifier.Shared.TryNormalize(request.Phone, null, out var phone))
        {
            return ApiProblems.Validation("phone", "phone must be a phone number in E.164 form (+14155550100)");
        }
        var added = await grains.GetGrain<IOptOutGrain>(clientId).AddAsync(phone, source);
        var entry = new OptOutJson(PhoneNumberClassifier.Format(phone), source.ToString().ToLowerInvariant(), time.GetUtcNow());
        return added ? TypedResults.Created($"/v1/opt-outs/{Uri.EscapeDataString(entry.Phone)}", entry) : TypedResults.Ok(entry);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string phone, ClientContext client, IGrainFactory grains)
    {
        var text = Uri.UnescapeDataString(phone).Trim();
        var removed = RecipientInput.TryParseE164Digits(text.StartsWith('+') ? text : "+" + text, out var number)
            && await grains.GetGrain<IOptOutGrain>(client.ClientId).RemoveAsync(number);
        return removed ? TypedResults.NoContent() : ApiProblems.Result(ErrorCodes.NotFound, "that number is not on the opt-out list");
    }
}
