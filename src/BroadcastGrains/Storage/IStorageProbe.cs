namespace BroadcastGrains.Storage;

/// <summary>
/// Asks the durable store whether it answers, for <c>/health/ready</c>. Only stores that can become unreachable
/// register one (in-memory storage has none).
/// </summary>
public interface IStorageProbe
{
    /// <summary>Completes when the store answered; throws when it did not (the exception says why).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
