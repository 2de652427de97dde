namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// A request waiting for its response. Its stage decides a lost response's meaning: a request still queued when it is
/// abandoned was never written (<see cref="RequestFate.NotSent"/>), one the writer took may have reached the SMSC.
/// Stage moves queued → taken by the writer, or queued → abandoned, never both, by compare-and-swap.
/// </summary>
internal sealed class PendingRequest(uint sequence, byte[] pdu)
{
    const int Queued = 0;
    const int Taken = 1;
    const int Abandoned = 2;

    readonly TaskCompletionSource<SmppResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _stage;

    public uint Sequence { get; } = sequence;

    public byte[] Pdu { get; } = pdu;

    public Task<SmppResponse> Response => _response.Task;

    /// <summary>The writer claims the request; false when it was abandoned first (it must not be written then).</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _stage, Taken, Queued) == Queued;

    /// <summary>Ends the wait without a response: NotSent if the writer never took it, else NoResponse.</summary>
    public void Abandon()
    {
        var neverWritten = Interlocked.CompareExchange(ref _stage, Abandoned, Queued) == Queued;
        _response.TrySetResult(neverWritten ? SmppResponse.NotSent : SmppResponse.NoResponse);
    }

    public void Complete(uint status, byte[] body) => _response.TrySetResult(new SmppResponse(RequestFate.Responded, status, body));
}

/// <summary>What became of a request: answered, never handed to the socket, or handed over and never answered.</summary>
internal enum RequestFate : byte
{
    /// <summary>The peer answered (with any status).</summary>
    Responded,
    /// <summary>The request never left this process: the peer cannot have seen it.</summary>
    NotSent,
    /// <summary>
    /// Written to the socket, but no answer came before the timeout or the connection ended: the peer may have acted on it.
    /// </summary>
    NoResponse,
}

/// <summary>A request's fate and, when answered, the response's status and body.</summary>
internal readonly record struct SmppResponse(RequestFate Fate, uint Status, byte[] Body)
{
    public static SmppResponse NotSent => new(RequestFate.NotSent, 0, []);

    public static SmppResponse NoResponse => new(RequestFate.NoResponse, 0, []);
}
