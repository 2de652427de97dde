namespace BroadcastGrains.Carrier.Connectors;

/// <summary>What a connector speaks.</summary>
public enum ConnectorKind
{
    /// <summary>The in-process simulator.</summary>
    Simulator,
    /// <summary>An SMSC over SMPP 3.4.</summary>
    Smpp,
    /// <summary>An HTTP carrier speaking the Twilio-compatible Messages API.</summary>
    Http,
}
