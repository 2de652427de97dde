using System.Reflection;
using System.Security.Claims;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api;

namespace BroadcastGrains.Silo.Auth;

/// <summary>
/// The client a request acts for: a client key's own client, or the client an agency key names with
/// <c>X-Client-Id</c>. Bound as an endpoint parameter; a refusal is thrown as a problem.
/// </summary>
internal sealed record ClientContext(string ClientId, bool IsApprover)
{
    public const string ClientIdHeader = "X-Client-Id";

    public static async ValueTask<ClientContext?> BindAsync(HttpContext context, ParameterInfo parameter) => await ResolveAsync(context);

    /// <summary>The request's client, worked out once per request (the rate limiter needs it before the endpoint does).</summary>
    public static async ValueTask<ClientContext> ResolveAsync(HttpContext context)
    {
        if (context.Items[typeof(ClientContext)] is ClientContext known)
        {
            return known;
        }
        var resolved = await ResolveUncachedAsync(context);
        context.Items[typeof(ClientContext)] = resolved;
        return resolved;
    }

    static async ValueTask<ClientContext> ResolveUncachedAsync(HttpContext context)
    {
        var user = context.User;
        var ownerId = user.FindFirstValue(ApiKeyClaims.OwnerId)
            ?? throw new ApiProblemException(new BroadcastError(ErrorCodes.Unauthenticated, "a client API key is required"));
        var approver = user.HasClaim(ApiKeyClaims.Approver, "true");
        var named = context.Request.Headers[ClientIdHeader].ToString();
        if (user.FindFirstValue(ApiKeyClaims.OwnerKind) == nameof(ApiKeyOwner.Client))
        {
            if (named.Length > 0 && named != ownerId)
            {
                throw new ApiProblemException(new BroadcastError(ErrorCodes.ClientNotAllowed, "this key does not act for that client"));
            }
            return new ClientContext(ownerId, approver);
        }
        if (named.Length == 0)
        {
            throw new ApiProblemException(BroadcastError.Field(ErrorCodes.ValidationFailed, ClientIdHeader,
                "an agency key must name the client with X-Client-Id"));
        }
        var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
        var client = await grains.GetGrain<IClientGrain>(named).GetAsync();
        if (client?.AgencyId != ownerId)
        {
            throw new ApiProblemException(new BroadcastError(ErrorCodes.ClientNotAllowed, "this agency does not own that client"));
        }
        return new ClientContext(named, approver);
    }
}
