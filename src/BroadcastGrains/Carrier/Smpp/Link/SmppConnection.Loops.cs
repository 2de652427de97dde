using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// The connection's two loops. Reading: whole PDUs off the socket, responses matched to their requests, the SMSC's
/// own requests answered or handed on. Writing: whatever is queued, coalesced into one socket write per wake-up; a
/// request is marked as taken before its bytes are copied, which is what makes a lost response "unconfirmed".
/// </summary>
internal sealed partial class SmppConnection
{
    async Task ReadLoopAsync()
    {
        Exception? fault = null;
        var reader = PipeReader.Create(new NetworkStream(_socket, ownsSocket: false));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_closing.Token);
                var buffer = result.Buffer;
                while (PduFraming.TryTake(ref buffer, out var header, out var body))
                {
                    Dispatch(header, body);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or SocketException or SmppProtocolException or ObjectDisposedException)
        {
            fault = e;
        }
        finally
        {
            await reader.CompleteAsync();
            Close(fault);
        }
    }

    void Dispatch(PduHeader header, byte[] body)
    {
        if (header.IsResponse)
        {
            if (_pending.TryRemove(header.Sequence, out var request))
            {
                request.Complete(header.Status, body);
            }
            return;
        }
        switch (header.Command)
        {
            case SmppCommand.EnquireLink:
                Send(Pdus.Empty(SmppCommand.EnquireLinkResp, header.Sequence));
                break;
            case SmppCommand.Unbind:
                Send(Pdus.Empty(SmppCommand.UnbindResp, header.Sequence));
                _ = CloseAfterFlushAsync();
                break;
            case SmppCommand.DeliverSm:
                _onDeliver(this, header, body);
                break;
            default:
                Send(Pdus.Empty(SmppCommand.GenericNack, header.Sequence, SmppStatus.InvalidCommandId));
                break;
        }
    }

    async Task CloseAfterFlushAsync()
    {
        // Give the unbind_resp a moment to leave before the socket goes: an SMSC expects it.
        await Task.Delay(TimeSpan.FromMilliseconds(100), _time);
        Close();
    }

    async Task WriteLoopAsync()
    {
        var batch = new ArrayBufferWriter<byte>(16 * 1024);
        await using var stream = new NetworkStream(_socket, ownsSocket: false);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(_closing.Token))
            {
                batch.ResetWrittenCount();
                while (batch.WrittenCount < 64 * 1024 && _outgoing.Reader.TryRead(out var item))
                {
                    if (item.Request is null || item.Request.TryTake())
                    {
                        batch.Write(item.Pdu);
                    }
                }
                if (batch.WrittenCount > 0)
                {
                    await stream.WriteAsync(batch.WrittenMemory, _closing.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Close(e);
        }
    }
}
