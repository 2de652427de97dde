using BroadcastGrains.Carrier;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Which route and connector each recipient of a slice took, as a byte per recipient indexing a short list of codes
/// (and one of names) this partition has seen: 2,000,000 recipients cost 4 MB, not a string reference each. 0 means
/// none (not routed yet, or no route). The columns are made at the first submit, so state stored before routing loads
/// as "none". Journal entries carry them by name, so a partition resumed from its journal still shows them. A slice seeing more than 255 route codes (a table changed that often mid-send) stops recording new ones.
/// </summary>
internal sealed class RouteColumns(PartitionState state)
{
    /// <summary>Records what the router chose for a submitted batch: the route always, the connector once it accepted.</summary>
    public void Record(ReadOnlySpan<int> indexes, ReadOnlySpan<SubmitResult> results, BatchRouting routing)
    {
        ArgumentNullException.ThrowIfNull(routing);
        var size = state.Statuses.Length;
        var routes = state.RouteOf ??= new byte[size];
        var connectors = state.ConnectorOf ??= new byte[size];
        for (var k = 0; k < indexes.Length; k++)
        {
            var index = indexes[k];
            routes[index] = Code(state.RouteCodes ??= [], routing.Routes[k]);
            connectors[index] = results[k].Status == SubmitStatus.Accepted
                ? Code(state.ConnectorNames ??= [], routing.Connectors[k])
                : (byte)0;
        }
    }

    /// <summary>Puts back what a journal entry recorded for one recipient (replaying it twice changes nothing).</summary>
    public void Put(int index, string? route, string? connector)
    {
        var size = state.Statuses.Length;
        (state.RouteOf ??= new byte[size])[index] = Code(state.RouteCodes ??= [], route);
        (state.ConnectorOf ??= new byte[size])[index] = Code(state.ConnectorNames ??= [], connector);
    }

    /// <summary>The route code recipient <paramref name="index"/> took, or null.</summary>
    public string? RouteOf(int index) => Lookup(state.RouteOf, state.RouteCodes, index);

    /// <summary>The connector that accepted recipient <paramref name="index"/>'s message, or null.</summary>
    public string? ConnectorOf(int index) => Lookup(state.ConnectorOf, state.ConnectorNames, index);

    static string? Lookup(byte[]? column, List<string>? names, int index) =>
        column is null || names is null || (uint)index >= (uint)column.Length || column[index] == 0 ? null : names[column[index] - 1];

    // Neighbouring recipients share a route, so the list is a handful long and a linear search beats a dictionary.
    static byte Code(List<string> names, string? name)
    {
        if (name is null)
        {
            return 0;
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return (byte)(i + 1);
            }
        }
        if (names.Count >= byte.MaxValue)
        {
            return 0;
        }
        names.Add(name);
        return (byte)names.Count;
    }
}
