using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// The bind's log lines: bind numbers, hosts, system ids and status names only; never a phone number or a message text.
/// </summary>
internal sealed partial class SmppBind
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "SMPP bind {Bind} bound to {Host}:{Port} (SMSC system_id {SmscId})")]
    partial void LogBound(int bind, string? host, int port, string smscId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error,
        Message = "SMPP bind {Bind}: the SMSC at {Host}:{Port} refused bind_transceiver as system_id {SystemId} with {Status}; " +
            "check Broadcast:Smpp:SystemId and Password. Retrying slowly; the silo reports not ready meanwhile")]
    partial void LogBindRejected(int bind, string? host, int port, string systemId, string status);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "SMPP bind {Bind}: no answer to bind_transceiver from {Host}:{Port}; reconnecting")]
    partial void LogBindUnanswered(int bind, string? host, int port);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning,
        Message = "SMPP bind {Bind}: cannot connect to {Host}:{Port} ({Error}); retrying with backoff")]
    partial void LogConnectFailed(int bind, string? host, int port, string error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning,
        Message = "SMPP bind {Bind}: connection lost ({Reason}); re-binding with backoff")]
    partial void LogConnectionLost(int bind, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information,
        Message = "SMPP bind {Bind}: the SMSC answered {Status}; pausing submits for {PauseMs} ms")]
    partial void LogThrottled(int bind, string status, int pauseMs);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning,
        Message = "SMPP bind {Bind}: a submit_sm got no submit_sm_resp within {TimeoutMs} ms; its message is unconfirmed")]
    partial void LogSubmitUnanswered(int bind, double timeoutMs);
}
