namespace BroadcastGrains.Routing;

/// <summary>
/// One route of a <see cref="CompiledRoutes"/>: its filters as sets, its prefixes as digit strings, its connectors as
/// indexes in configuration order, and the picker that chooses among them.
/// </summary>
public sealed class CompiledRoute
{
    readonly HashSet<string>? _countries;
    readonly HashSet<string>? _clientIds;

    internal CompiledRoute(RouteDefinition definition, IReadOnlyList<ConnectorDescriptor> configured)
    {
        Definition = definition;
        _countries = definition.Countries is { Count: > 0 } c ? new HashSet<string>(c.Select(x => x.ToUpperInvariant()), StringComparer.Ordinal) : null;
        _clientIds = definition.ClientIds is { Count: > 0 } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
        PrefixDigits = definition.Prefixes is { Count: > 0 } p ? [.. p.Select(x => x.TrimStart('+'))] : null;
        // A connector the table names but configuration no longer has is skipped: its messages wait on the others.
        var indexes = definition.Connectors
            .Select(name => IndexOf(configured, name)).Where(i => i >= 0).Distinct().ToList();
        var weights = ConnectorPicker.WeightsOf([.. indexes.Select(i => configured[i].MaxSubmitsPerSecond)]);
        Picker = new ConnectorPicker(indexes, weights, definition.Strategy);
        var mms = indexes.Where(i => configured[i].SupportsMms).ToList();
        MmsPicker = new ConnectorPicker(mms, ConnectorPicker.WeightsOf([.. mms.Select(i => configured[i].MaxSubmitsPerSecond)]),
            definition.Strategy);
    }

    /// <summary>The route as the operator wrote it.</summary>
    public RouteDefinition Definition { get; }

    /// <summary>The route's code, as recipients and breakdown rows show it.</summary>
    public string Code => Definition.Code;

    /// <summary>The route's prefixes without their <c>+</c>, or null when it has no prefix filter.</summary>
    public string[]? PrefixDigits { get; }

    /// <summary>Chooses this route's connector for each message.</summary>
    public ConnectorPicker Picker { get; }

    /// <summary>Chooses among the route's connectors that carry MMS only: an MMS is never sent as text.</summary>
    public ConnectorPicker MmsPicker { get; }

    /// <summary>True when at least one of the route's connectors carries MMS (else its MMS are <c>mms_not_supported</c>).</summary>
    public bool SupportsMms => MmsPicker.Connectors.Count > 0;

    /// <summary>True when the route's client and country filters let (<paramref name="clientId"/>, <paramref name="region"/>) in.</summary>
    public bool Admits(string? clientId, string region) =>
        (_countries is null || _countries.Contains(region)) && (_clientIds is null || (clientId is not null && _clientIds.Contains(clientId)));

    /// <summary>
    /// The price of one segment of this route to a country priced <paramref name="countryPrice"/>: the route's where set;
    /// a country priced null (no route) stays unroutable whatever the route says.
    /// </summary>
    public decimal? PerSegment(decimal? countryPrice) => countryPrice is null ? null : Definition.PricePerSegment ?? countryPrice;

    /// <summary>The price of one MMS through this route: the route's where set, else the table's.</summary>
    public decimal PerMms(decimal tablePrice) => Definition.MmsPerMessage ?? tablePrice;

    static int IndexOf(IReadOnlyList<ConnectorDescriptor> configured, string name)
    {
        for (var i = 0; i < configured.Count; i++)
        {
            if (string.Equals(configured[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
