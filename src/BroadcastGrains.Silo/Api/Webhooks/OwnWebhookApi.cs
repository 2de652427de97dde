using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Auth;
using BroadcastGrains.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Webhooks;

/// <summary>
/// <c>GET/PUT /v1/webhook</c> (scope <c>keys:write</c>): the client's own webhook URL, secret and events. The secret is
/// write-only: answers show <c>hasSecret</c>. The URL is checked as the operator's is.
/// </summary>
internal static class OwnWebhookApi
{
    internal sealed record WebhookRequest(string? Url, string? Secret, IReadOnlyList<string>? Events);

    internal sealed record WebhookSettings(string? Url, bool HasSecret, IReadOnlyList<string>? Events)
    {
        public static WebhookSettings Of(ClientProfile p) => new(p.WebhookUrl, !string.IsNullOrEmpty(p.WebhookSecret), p.WebhookEvents);
    }

    public static void MapOwnWebhookApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/webhook").RequireAuthorization(Scopes.KeysWrite).WithTags("Webhooks");
        api.MapGet("/", GetAsync).WithName("GetOwnWebhook");
        api.MapPut("/", PutAsync).WithName("PutOwnWebhook");
    }

    static async Task<Results<Ok<WebhookSettings>, ProblemHttpResult>> GetAsync(ClientContext client, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IClientGrain>(client.ClientId).GetAsync();
        return profile is null
            ? ApiProblems.Result(ErrorCodes.NotFound, "no such client")
            : TypedResults.Ok(WebhookSettings.Of(profile));
    }

    /// <summary>
    /// Sets the URL and events as given; the secret only when one is given, since a client cannot read it back to
    /// send it again (an empty string removes it).
    /// </summary>
    static async Task<Results<Ok<WebhookSettings>, ProblemHttpResult>> PutAsync(
        WebhookRequest request, ClientContext client, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Url is { } url && !ClientValidation.IsWebhookUrl(url))
        {
            errors["url"] = ["url must be an absolute http(s) URL"];
        }
        if (request.Events?.FirstOrDefault(t => !WebhookEventTypes.IsKnown(t)) is { } unknown)
        {
            errors["events"] = [$"'{unknown}' is not a webhook event type ({string.Join(", ", WebhookEventTypes.All)})"];
        }
        if (request.Secret is { Length: > 200 })
        {
            errors["secret"] = ["secret is at most 200 characters"];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var patch = new ClientPatch
        {
            WebhookUrl = new(request.Url),
            WebhookEvents = new(request.Events),
            WebhookSecret = request.Secret is null ? null : new(request.Secret.Length == 0 ? null : request.Secret),
        };
        var profile = await grains.GetGrain<IClientGrain>(client.ClientId).UpdateAsync(patch);
        return profile is null
            ? ApiProblems.Result(ErrorCodes.NotFound, "no such client")
            : TypedResults.Ok(WebhookSettings.Of(profile));
    }
}
