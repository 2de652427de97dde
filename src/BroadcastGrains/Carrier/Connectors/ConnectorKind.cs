namespace BroadcastGrains.Carrier.Connectors;

/// <summary>What a connector speaks.</summary>
public enum ConnectorKind
{
    /// <summary>The in-process simulator.</summary>
    Simulator,
    /// <summary>An SMSC over SMPP 3.4.</summary>
    Smpp,
    /// <summary>An HTTP carrier (Twilio-compatible); refused at start-up until this version carries it.</summary>
    Http,
}
