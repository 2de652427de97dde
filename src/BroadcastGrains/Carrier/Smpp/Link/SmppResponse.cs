namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>What became of a request: answered, never handed to the socket, or handed over and never answered.</summary>
internal enum RequestFate : byte
{
    /// <summary>The peer answered (with any status).</summary>
    Responded,
    /// <summary>The request never left this process: the peer cannot have seen it.</summary>
    NotSent,
    /// <summary>Written to the socket, but no answer came before the timeout or the connection ended: the peer may have acted on it.</summary>
    NoResponse,
}

/// <summary>A request's fate and, when answered, the response's status and body.</summary>
internal readonly record struct SmppResponse(RequestFate Fate, uint Status, byte[] Body)
{
    public static SmppResponse NotSent => new(RequestFate.NotSent, 0, []);

    public static SmppResponse NoResponse => new(RequestFate.NoResponse, 0, []);
}
