namespace BroadcastGrains.Routing;

/// <summary>
/// The routes one (client, region) can take, ready to match numbers: the first route without a prefix filter bounds
/// the answer, and a trie of the prefix routes ordered before it finds any earlier match. Immutable, so every
/// partition of the silo shares it.
/// </summary>
public sealed class RouteGroup
{
    const int None = int.MaxValue;

    readonly PrefixTrie? _prefixes;
    readonly int _fallback;

    internal RouteGroup(CompiledRoutes routes, string? clientId, string region)
    {
        _fallback = None;
        var candidates = new List<(string, int)>();
        for (var order = 0; order < routes.Count; order++)
        {
            var route = routes[order];
            if (!route.Admits(clientId, region))
            {
                continue;
            }
            if (route.PrefixDigits is null)
            {
                _fallback = order;
                break;
            }
            candidates.AddRange(route.PrefixDigits.Select(digits => (digits, order)));
        }
        _prefixes = candidates.Count == 0 ? null : PrefixTrie.Build(candidates);
    }

    /// <summary>The order (index in the table) of the route <paramref name="number"/> takes, or -1 when none matches.</summary>
    public int Match(long number)
    {
        var order = _prefixes is null ? _fallback : _prefixes.Lowest(number, _fallback);
        return order == None ? -1 : order;
    }
}
