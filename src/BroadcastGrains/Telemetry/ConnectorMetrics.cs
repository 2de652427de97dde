using System.Diagnostics.Metrics;

namespace BroadcastGrains.Telemetry;

/// <summary>
/// Instruments per connector, on the meter <see cref="BroadcastMetrics.MeterName"/>, tagged <see cref="ConnectorTag"/>
/// (the connector's configured name: a handful of values) and <see cref="BroadcastMetrics.OutcomeTag"/>. Counted in
/// message parts, what the connector's limits count; one <c>Add</c> per submitted slice, never per message.
/// </summary>
public sealed class ConnectorMetrics
{
    /// <summary>The tag naming the connector.</summary>
    public const string ConnectorTag = "broadcast.connector";

    readonly Counter<long> _parts;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public ConnectorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(BroadcastMetrics.MeterName);
        _parts = meter.CreateCounter<long>("broadcast.connector.parts", "{part}",
            "Message parts handed to a connector, by its answer: accepted, blocked, deferred (retried later) or " +
            "held (over the connector's daily limit, waiting for the next UTC day).");
    }

    /// <summary>One slice's answers at <paramref name="connector"/>, in parts.</summary>
    public void Submitted(string connector, long accepted, long blocked, long deferred)
    {
        Add(connector, "accepted", accepted);
        Add(connector, "blocked", blocked);
        Add(connector, "deferred", deferred);
    }

    /// <summary><paramref name="count"/> parts held back by <paramref name="connector"/>'s daily limit.</summary>
    public void Held(string connector, long count) => Add(connector, "held", count);

    void Add(string connector, string outcome, long count)
    {
        if (count > 0)
        {
            _parts.Add(count, new KeyValuePair<string, object?>(ConnectorTag, connector),
                new KeyValuePair<string, object?>(BroadcastMetrics.OutcomeTag, outcome));
        }
    }
}
