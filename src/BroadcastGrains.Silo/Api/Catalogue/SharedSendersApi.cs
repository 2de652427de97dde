using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// <c>/v1/admin/shared-senders</c>: names the operator lets every client (or the listed ones) send from, such as a
/// short code of the platform. A name can be shared only while no client holds it approved (409 <c>SENDER_TAKEN</c>).
/// </summary>
internal static class SharedSendersApi
{
    internal sealed record SharedSenderRequest(string? Name, IReadOnlyList<string>? ClientIds);

    public static void MapSharedSendersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin/shared-senders").RequireAuthorization(Scopes.Operator).WithTags("Admin");
        admin.MapPost("/", ShareAsync).WithName("ShareSender");
        admin.MapGet("/", ListAsync).WithName("ListSharedSenders");
        admin.MapDelete("/{name}", UnshareAsync).WithName("UnshareSender");
    }

    static async Task<Results<Created<SharedSenderView>, Ok<SharedSenderView>, ProblemHttpResult>> ShareAsync(
        SharedSenderRequest request, IGrainFactory grains)
    {
        var outcome = await Grain(grains).ShareAsync(request.Name ?? "", request.ClientIds);
        if (outcome.Sender is not { } sender)
        {
            var detail = outcome.Detail ?? "refused";
            return outcome.Error == ErrorCodes.ValidationFailed
                ? ApiProblems.Validation(outcome.Field ?? "name", detail)
                : ApiProblems.Result(outcome.Error ?? ErrorCodes.ValidationFailed, detail);
        }
        return outcome.Created
            ? TypedResults.Created($"/v1/admin/shared-senders/{Uri.EscapeDataString(sender.Name)}", sender)
            : TypedResults.Ok(sender);
    }

    static async Task<Ok<Page<SharedSenderView>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(Page<SharedSenderView>.Of(await Grain(grains).ListAsync(), null));

    static async Task<Results<NoContent, ProblemHttpResult>> UnshareAsync(string name, IGrainFactory grains) =>
        await Grain(grains).UnshareAsync(name)
            ? TypedResults.NoContent()
            : ApiProblems.Result(ErrorCodes.NotFound, $"no shared sender '{name}'");

    static ISharedSendersGrain Grain(IGrainFactory grains) => grains.GetGrain<ISharedSendersGrain>(ISharedSendersGrain.Key);
}
