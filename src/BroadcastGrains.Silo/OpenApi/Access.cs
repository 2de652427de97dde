using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Authorization;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>Who may call an endpoint, read from its authorization metadata.</summary>
internal sealed record Access(bool Keyed, bool ClientKey, string? Scope)
{
    public static Access Of(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return new(false, false, null);
        }
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (policies.Count == 0)
        {
            return new(false, false, null);
        }
        if (policies.Contains(Scopes.Operator) || policies.Contains(Telemetry.DashboardSetup.Policy))
        {
            return new(true, false, "operator key");
        }
        // A group's scope and the endpoint's own both apply; the endpoint's (the last) is the one worth naming.
        return new(true, true, policies[^1]);
    }
}
