using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// One TCP connection to an SMSC: a read loop that matches responses to requests by sequence number and hands the
/// SMSC's own requests on, and a write loop that coalesces queued PDUs into few socket writes. It answers
/// enquire_link and unbind itself. When it ends, every request still waiting learns whether it was ever written.
/// </summary>
internal sealed partial class SmppConnection : IAsyncDisposable
{
    readonly Socket _socket;
    readonly Action<SmppConnection, PduHeader, byte[]> _onDeliver;
    readonly TimeProvider _time;
    readonly Channel<(byte[] Pdu, PendingRequest? Request)> _outgoing =
        Channel.CreateUnbounded<(byte[], PendingRequest?)>(new UnboundedChannelOptions { SingleReader = false });
    readonly ConcurrentDictionary<uint, PendingRequest> _pending = new();
    readonly CancellationTokenSource _closing = new();
    readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Task _reading;
    readonly Task _writing;
    int _sequence;

    SmppConnection(Socket socket, Action<SmppConnection, PduHeader, byte[]> onDeliver, TimeProvider time)
    {
        _socket = socket;
        _onDeliver = onDeliver;
        _time = time;
        _reading = Task.Run(ReadLoopAsync);
        _writing = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the connection has ended, with the fault that ended it (null for an orderly close).</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Requests written and not yet answered.</summary>
    public int InFlight => _pending.Count;

    public static async Task<SmppConnection> OpenAsync(string host, int port, Action<SmppConnection, PduHeader, byte[]> onDeliver,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            return new SmppConnection(socket, onDeliver, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request and waits for its response, at most <paramref name="timeout"/>.</summary>
    public async Task<SmppResponse> RequestAsync(Func<uint, byte[]> encode, TimeSpan timeout)
    {
        var sequence = NextSequence();
        var request = new PendingRequest(sequence, encode(sequence));
        _pending[sequence] = request;
        if (_closing.IsCancellationRequested || !_outgoing.Writer.TryWrite((request.Pdu, request)))
        {
            _pending.TryRemove(sequence, out _);
            return SmppResponse.NotSent;
        }
        try
        {
            return await request.Response.WaitAsync(timeout, _time);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(sequence, out _);
            request.Abandon();
            return await request.Response;
        }
    }

    /// <summary>Queues a PDU that needs no answer (a response to the SMSC); false when the connection is closing.</summary>
    public bool Send(byte[] pdu) => !_closing.IsCancellationRequested && _outgoing.Writer.TryWrite((pdu, null));

    /// <summary>Ends the connection; waiting requests learn their fate.</summary>
    public void Close(Exception? fault = null)
    {
        if (!_closed.TrySetResult(fault))
        {
            return;
        }
        _closing.Cancel();
        _outgoing.Writer.TryComplete();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to shut down.
        }
        _socket.Close();
        foreach (var sequence in _pending.Keys)
        {
            if (_pending.TryRemove(sequence, out var request))
            {
                request.Abandon();
            }
        }
        // Requests queued after the sweep above are still in the channel: abandoning marks them NotSent.
        while (_outgoing.Reader.TryRead(out var item))
        {
            item.Request?.Abandon();
        }
    }

    uint NextSequence()
    {
        // Sequence numbers run 1 … 0x7FFFFFFF and wrap (SMPP 3.4 section 5.1.4).
        var next = Interlocked.Increment(ref _sequence);
        return (uint)(((next - 1) & 0x7FFF_FFFF) % 0x7FFF_FFFF) + 1;
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await Task.WhenAll(_reading, _writing);
        _closing.Dispose();
    }
}
