using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>/v1/senders</c>: the names a client sends from, each reviewed by the operator
/// (<c>/v1/admin/senders/{id}/approve</c>, <c>/reject</c>); the operator may also register an approved one for a client.
/// A name is approved for one client at a time (409 <c>SENDER_TAKEN</c>); the list adds the operator's shared senders.
/// </summary>
internal static class SendersApi
{
    internal sealed record SenderRequest(string? Name);

    public static void MapSendersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/senders").WithTags("Senders");
        api.MapGet("/", ListAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListSenders");
        api.MapPost("/", CreateAsync).RequireAuthorization(Scopes.SmsSend).WithName("CreateSender");
        var admin = app.MapGroup("/v1/admin").RequireAuthorization(Scopes.Operator).WithTags("Admin");
        admin.MapPost("/senders/{id}/approve", (string id, IGrainFactory grains) => ReviewAsync(id, ApprovalStatus.Approved, grains))
            .WithName("ApproveSender");
        admin.MapPost("/senders/{id}/reject", (string id, IGrainFactory grains) => ReviewAsync(id, ApprovalStatus.Rejected, grains))
            .WithName("RejectSender");
        admin.MapPost("/clients/{id}/senders", RegisterForClientAsync).WithName("RegisterClientSender")
            .WithSummary("Register an approved sender for a client");
    }

    /// <summary>The client's own senders, then the shared ones it may send from.</summary>
    static async Task<Ok<Page<SenderView>>> ListAsync(ClientContext client, IGrainFactory grains)
    {
        var own = await grains.GetGrain<ISendersGrain>(client.ClientId).ListAsync();
        var shared = await grains.GetGrain<ISharedSendersGrain>(ISharedSendersGrain.Key).ListAsync();
        return TypedResults.Ok(Page<SenderView>.Of([.. own, .. shared.Where(s => s.IsFor(client.ClientId)).Select(s => s.AsSender())], null));
    }

    static async Task<Results<Created<SenderView>, Ok<SenderView>, ProblemHttpResult>> CreateAsync(
        SenderRequest request, ClientContext client, IGrainFactory grains) =>
        await RegisterAsync(grains, client.ClientId, request.Name, approved: false);

    static async Task<Results<Created<SenderView>, Ok<SenderView>, ProblemHttpResult>> RegisterForClientAsync(
        string id, SenderRequest request, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClientGrain>(id).GetAsync() is null)
        {
            return AdminApi.ClientNotFound(id);
        }
        return await RegisterAsync(grains, id, request.Name, approved: true);
    }

    static async Task<Results<Created<SenderView>, Ok<SenderView>, ProblemHttpResult>> RegisterAsync(
        IGrainFactory grains, string clientId, string? name, bool approved)
    {
        var senders = grains.GetGrain<ISendersGrain>(clientId);
        var known = name is null ? null : await senders.FindAsync(name);
        var outcome = name is null ? new SenderOutcome(null) : await senders.RegisterAsync(name, approved);
        if (outcome.Error is not null)
        {
            return Taken(name!);
        }
        if (outcome.Sender is not { } sender)
        {
            return ApiProblems.Validation("name", "name must be alphanumeric (at most 11 characters) or an E.164 number");
        }
        return known is null ? TypedResults.Created($"/v1/senders/{sender.Id}", sender) : TypedResults.Ok(sender);
    }

    static async Task<Results<Ok<SenderView>, ProblemHttpResult>> ReviewAsync(string id, ApprovalStatus status, IGrainFactory grains)
    {
        var owner = CatalogueIds.IsWellFormed(id, CatalogueIds.Sender)
            ? await grains.GetGrain<ICatalogueEntryGrain>(id).GetOwnerAsync()
            : null;
        var outcome = owner is null ? new SenderOutcome(null) : await grains.GetGrain<ISendersGrain>(owner).ReviewAsync(id, status);
        if (outcome.Error is not null)
        {
            return Taken(id);
        }
        return outcome.Sender is { } sender ? TypedResults.Ok(sender) : ApiProblems.Result(ErrorCodes.NotFound, $"no sender '{id}'");
    }

    static ProblemHttpResult Taken(string sender) =>
        ApiProblems.Result(ErrorCodes.SenderTaken, $"the name of sender '{sender}' is approved for another client; a name is approved for one client at a time");
}
