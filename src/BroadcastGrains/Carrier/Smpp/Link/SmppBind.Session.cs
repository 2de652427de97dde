using BroadcastGrains.Carrier.Smpp.Protocol;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>One connection's life on a bind: bind, keep alive with enquire_link, and unbind when the carrier stops.</summary>
internal sealed partial class SmppBind
{
    /// <summary>Connects and binds, then serves until the connection ends; true when it was bound (the backoff resets).</summary>
    async Task<bool> ConnectAndServeAsync(CancellationToken stopping)
    {
        _health.Report(_number, BindState.Connecting);
        await using var connection = await SmppConnection.OpenAsync(_options.Host!, _options.Port, _onDeliver, _time, stopping);
        var bind = await connection.RequestAsync(
            sequence => Pdus.BindTransceiver(sequence, _options.SystemId, _options.Password, _options.SystemType), _responseTimeout);
        if (bind.Fate != RequestFate.Responded)
        {
            _health.Report(_number, BindState.Down, "no answer to bind_transceiver");
            LogBindUnanswered(_number, _options.Host, _options.Port);
            return false;
        }
        if (bind.Status != SmppStatus.Ok)
        {
            var status = SmppStatus.Name(bind.Status);
            _health.Report(_number, BindState.Rejected, $"the SMSC refused bind_transceiver as {_options.SystemId}: {status}");
            LogBindRejected(_number, _options.Host, _options.Port, _options.SystemId, status);
            throw new BindRejectedException();
        }
        _health.Report(_number, BindState.Bound, $"to {_options.Host}:{_options.Port}");
        LogBound(_number, _options.Host, _options.Port, Pdus.ReadId(bind.Body));
        _current = connection;
        try
        {
            var fault = await KeepAliveAsync(connection, stopping);
            if (stopping.IsCancellationRequested)
            {
                await UnbindAsync(connection);
                return true;
            }
            _health.Report(_number, BindState.Down, fault?.Message ?? "closed by the SMSC");
            LogConnectionLost(_number, fault?.Message ?? "closed by the SMSC");
        }
        finally
        {
            _current = null;
        }
        return true;
    }

    /// <summary>Probes an idle connection with enquire_link; answers the fault that ended it.</summary>
    async Task<Exception?> KeepAliveAsync(SmppConnection connection, CancellationToken stopping)
    {
        var every = TimeSpan.FromSeconds(_options.EnquireLinkSeconds);
        while (!stopping.IsCancellationRequested)
        {
            var tick = Task.Delay(every, _time, stopping);
            if (await Task.WhenAny(connection.Closed, tick) == connection.Closed)
            {
                return await connection.Closed;
            }
            if (stopping.IsCancellationRequested)
            {
                break;
            }
            var probe = await connection.RequestAsync(sequence => Pdus.Empty(SmppCommand.EnquireLink, sequence), _responseTimeout);
            if (probe.Fate != RequestFate.Responded)
            {
                connection.Close(new TimeoutException("enquire_link was not answered"));
            }
        }
        return null;
    }

    async Task UnbindAsync(SmppConnection connection)
    {
        // Let submits in flight get their answers first: an unbind would turn each into an unconfirmed message.
        var giveUpAt = _time.GetUtcNow() + DrainOnStop;
        while (connection.InFlight > 0 && _time.GetUtcNow() < giveUpAt)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time);
        }
        await connection.RequestAsync(sequence => Pdus.Empty(SmppCommand.Unbind, sequence), TimeSpan.FromSeconds(1));
        _health.Report(_number, BindState.Down, "unbound");
    }

    sealed class BindRejectedException : Exception;
}
