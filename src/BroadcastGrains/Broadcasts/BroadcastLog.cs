using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Broadcasts;

/// <summary>The broadcast grain's log lines: ids, runs and counts only, never a number or a message body.</summary>
internal static partial class BroadcastLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} run {Run} sending to {Recipients} recipients in {Partitions} partitions")]
    public static partial void RunStarted(ILogger logger, string broadcastId, int run, long recipients, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} run {Run} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string broadcastId, int run, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} run {Run}: starting its partitions failed; the next wake starts them")]
    public static partial void PartitionsNotStarted(ILogger logger, string broadcastId, int run, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} is {Status}")]
    public static partial void StatusChanged(ILogger logger, string broadcastId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: raising {EventType} failed; will retry at the next change")]
    public static partial void EventFailed(ILogger logger, string broadcastId, string eventType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: a command failed ({Failure}); undoing it")]
    public static partial void Undoing(ILogger logger, string broadcastId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: the undo failed; the next command or the sweep finishes it")]
    public static partial void UndoFailed(ILogger logger, string broadcastId, Exception exception);
}
