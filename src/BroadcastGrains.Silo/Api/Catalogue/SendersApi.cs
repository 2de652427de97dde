using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>/v1/senders</c>: the names a client sends from, each reviewed by the operator
/// (<c>/v1/admin/senders/{id}/approve</c>, <c>/reject</c>); the operator may also register an approved one for a client.
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

    static async Task<Ok<Page<SenderView>>> ListAsync(ClientContext client, IGrainFactory grains) =>
        TypedResults.Ok(Page<SenderView>.Of(await grains.GetGrain<ISendersGrain>(client.ClientId).ListAsync(), null));

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
        var sender = name is null ? null : await senders.RegisterAsync(name, approved);
        if (sender is null)
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
        var sender = owner is null ? null : await grains.GetGrain<ISendersGrain>(owner).ReviewAsync(id, status);
        return sender is null ? ApiProblems.Result(ErrorCodes.NotFound, $"no sender '{id}'") : TypedResults.Ok(sender);
    }
}
