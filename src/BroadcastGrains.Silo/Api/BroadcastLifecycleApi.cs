using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary>State changes of a broadcast: cancel, pause, resume, approve, send-now and PATCH.</summary>
internal static class BroadcastLifecycleApi
{
    public static void MapBroadcastLifecycleApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id}/cancel", (string id, ClientContext client, IGrainFactory grains) =>
            BroadcastsApi.CommandAsync(id, grains, b => b.CancelAsync(client.ClientId))).RequireAuthorization(Scopes.SmsSend).WithName("CancelBroadcast");
        api.MapPost("/{id}/pause", (string id, ClientContext client, IGrainFactory grains) =>
            BroadcastsApi.CommandAsync(id, grains, b => b.PauseAsync(client.ClientId))).RequireAuthorization(Scopes.SmsSend).WithName("PauseBroadcast");
        api.MapPost("/{id}/resume", (string id, ClientContext client, IGrainFactory grains) =>
            BroadcastsApi.CommandAsync(id, grains, b => b.ResumeAsync(client.ClientId))).RequireAuthorization(Scopes.SmsSend).WithName("ResumeBroadcast");
        api.MapPost("/{id}/send-now", (string id, ClientContext client, IGrainFactory grains) =>
            BroadcastsApi.CommandAsync(id, grains, b => b.SendNowAsync(client.ClientId))).RequireAuthorization(Scopes.SmsSend).WithName("SendBroadcastNow");
        api.MapPost("/{id}/approve", ApproveAsync).RequireAuthorization(Scopes.SmsSend).WithName("ApproveBroadcast");
        api.MapPatch("/{id}", PatchAsync).RequireAuthorization(Scopes.SmsSend).WithName("PatchBroadcast");
    }

    static async Task<Results<Ok<BroadcastJson>, ProblemHttpResult>> ApproveAsync(string id, ClientContext client, IGrainFactory grains)
    {
        if (!client.IsApprover)
        {
            // A foreign or unknown id still answers 404, so approval rights reveal nothing about other clients.
            var view = BroadcastIds.IsWellFormed(id) ? await grains.GetGrain<IBroadcastGrain>(id).GetAsync(client.ClientId) : null;
            return view is null
                ? BroadcastsApi.NotFound()
                : ApiProblems.Result(ErrorCodes.NotApprover, "only a key marked approver may approve broadcasts");
        }
        return await BroadcastsApi.CommandAsync(id, grains, b => b.ApproveAsync(client.ClientId));
    }

    static async Task<Results<Ok<BroadcastJson>, ProblemHttpResult>> PatchAsync(
        string id, PatchBroadcastRequest request, ClientContext client, IGrainFactory grains)
    {
        if (request.ToPatch() is not { } patch)
        {
            return ApiProblems.Validation(request.InvalidField()!, request.InvalidMessage()!);
        }
        return await BroadcastsApi.CommandAsync(id, grains, b => b.PatchAsync(client.ClientId, patch));
    }
}
