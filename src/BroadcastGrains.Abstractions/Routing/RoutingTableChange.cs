namespace BroadcastGrains.Routing;

/// <summary>
/// The answer to replacing the routing table: the new table, or the reasons it was refused (field → messages, in the
/// shape of a problem's <c>errors</c>), in which case nothing changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("routing-table-change")]
public sealed record RoutingTableChange(
    [property: Id(0)] RoutingTable? Table,
    [property: Id(1)] IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>True when the table was replaced.</summary>
    public bool Succeeded => Table is not null;
}
