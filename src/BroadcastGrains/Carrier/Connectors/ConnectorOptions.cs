namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// The settings every connector of <c>Broadcast:Connectors:{name}</c> has, whatever its kind; the kind's own settings
/// (<c>Host</c>, <c>Binds</c>, <c>ReceiptDelayMs</c>, …) sit beside them in the same section.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>The section that holds one subsection per connector.</summary>
    public const string SectionName = "Broadcast:Connectors";

    /// <summary><c>Simulator</c>, <c>Smpp</c> or <c>Http</c>; kept as text so a wrong value gets a clear start-up error.</summary>
    public string? Kind { get; set; }

    /// <summary>The connector's rate for the whole cluster, in message parts per second; 0 means none.</summary>
    public int MaxSubmitsPerSecond { get; set; }

    /// <summary>Message parts per UTC day; 0 means none.</summary>
    public long DailyLimit { get; set; }

    /// <summary>Whether the connector carries MMS; by default the simulator does and SMPP cannot.</summary>
    public bool? SupportsMms { get; set; }

    /// <summary>
    /// Where the connector stands in "configuration order" (the implicit <c>default</c> route's failover order): lower
    /// first, then as .NET configuration lists the names.
    /// </summary>
    public int Order { get; set; }
}
