namespace BroadcastGrains.Silo.Auth;

/// <summary>
/// Which scopes a key may give a key it creates (<c>POST /v1/api-keys</c>): only scopes it has itself, so a key can
/// never make a key stronger than it is. <c>*</c> has every scope, and only a <c>*</c> key may give <c>*</c>.
/// </summary>
internal static class ScopeGrant
{
    /// <summary>The requested scopes the caller does not have (empty: all may be given).</summary>
    public static IReadOnlyList<string> Beyond(IReadOnlyCollection<string> callerScopes, IEnumerable<string> requested)
    {
        ArgumentNullException.ThrowIfNull(callerScopes);
        return callerScopes.Contains(Scopes.All)
            ? []
            : [.. requested.Where(s => !callerScopes.Contains(s)).Distinct(StringComparer.Ordinal)];
    }
}
