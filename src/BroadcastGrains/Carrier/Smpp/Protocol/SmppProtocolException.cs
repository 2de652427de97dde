namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>A PDU that breaks the SMPP 3.4 encoding rules: the link answers it with a generic_nack or drops the connection.</summary>
public sealed class SmppProtocolException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public SmppProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SmppProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SmppProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
