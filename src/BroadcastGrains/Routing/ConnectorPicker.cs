namespace BroadcastGrains.Routing;

/// <summary>
/// Chooses the connector of one route for each message. <c>failover</c>: the first connector that is up.
/// <c>roundRobin</c>: smooth weighted round robin over the connectors that are up, each message weighing its parts, so
/// over time each connector takes parts in proportion to its weight (its rate); the order is deterministic and spread
/// (3:1 gives a a b a, not a a a b). Shared by the partitions of a silo, hence the lock.
/// </summary>
public sealed class ConnectorPicker
{
    readonly int[] _connectors;
    readonly long[] _weights;
    readonly long[] _current;
    readonly RouteStrategy _strategy;
    readonly Lock _gate = new();

    /// <summary>A picker over <paramref name="connectors"/> (indexes in configuration order) with their weights.</summary>
    public ConnectorPicker(IReadOnlyList<int> connectors, IReadOnlyList<long> weights, RouteStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Count, connectors.Count, nameof(weights));
        _connectors = [.. connectors];
        _weights = [.. weights.Select(w => Math.Max(1, w))];
        _current = new long[_connectors.Length];
        _strategy = strategy;
    }

    /// <summary>
    /// Weights for <paramref name="rates"/> (parts per second, 0 = none): proportional to the rates; a connector without
    /// a rate counts as fast as the fastest one that has one (it is at least that fast), all equal when none has one.
    /// </summary>
    public static long[] WeightsOf(IReadOnlyList<int> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var fastest = rates.Count == 0 ? 1 : Math.Max(1, rates.Max());
        return [.. rates.Select(r => (long)(r > 0 ? r : fastest))];
    }

    /// <summary>The connectors of the route, in its order.</summary>
    public IReadOnlyList<int> Connectors => _connectors;

    /// <summary>The connector for one message of <paramref name="parts"/> parts, or -1 when none of the route's is up.</summary>
    public int Pick(IConnectorStates states, int parts)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (_strategy == RouteStrategy.Failover)
        {
            return FirstUp(states);
        }
        lock (_gate)
        {
            return NextWeighted(states, Math.Max(1, parts));
        }
    }

    /// <summary>
    /// Chooses for a whole batch under one lock: <paramref name="chosen"/>[i] is the connector of the message of
    /// <paramref name="parts"/>[i] parts, or -1 when none is up. No allocation.
    /// </summary>
    public void PickAll(IConnectorStates states, ReadOnlySpan<byte> parts, Span<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfLessThan(chosen.Length, parts.Length, nameof(chosen));
        if (_strategy == RouteStrategy.Failover)
        {
            chosen[..parts.Length].Fill(FirstUp(states));
            return;
        }
        lock (_gate)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                chosen[i] = NextWeighted(states, Math.Max(1, (int)parts[i]));
            }
        }
    }

    int FirstUp(IConnectorStates states)
    {
        foreach (var connector in _connectors)
        {
            if (states.IsUp(connector))
            {
                return connector;
            }
        }
        return -1;
    }

    // Every connector that is up earns its weight times the parts; the richest takes the message and pays the total.
    // A connector that is down neither earns nor pays, so it comes back without a hoard of credit.
    int NextWeighted(IConnectorStates states, int parts)
    {
        var best = -1;
        var total = 0L;
        for (var i = 0; i < _connectors.Length; i++)
        {
            if (!states.IsUp(_connectors[i]))
            {
                continue;
            }
            _current[i] += _weights[i] * parts;
            total += _weights[i] * parts;
            if (best < 0 || _current[i] > _current[best])
            {
                best = i;
            }
        }
        if (best < 0)
        {
            return -1;
        }
        _current[best] -= total;
        return _connectors[best];
    }
}
