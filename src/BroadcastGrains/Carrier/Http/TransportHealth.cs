namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// Whether an HTTP connector is up: down once its last <see cref="FailuresToDown"/> requests all failed at the transport
/// level (no connection, nothing answered), up again at the first answer of any status. While down, one request per
/// <see cref="ProbeEvery"/> may still go out so the connector notices the carrier is back. Thread-safe.
/// </summary>
public sealed class TransportHealth(TimeProvider time)
{
    /// <summary>Consecutive transport failures that make the connector down.</summary>
    public const int FailuresToDown = 5;

    /// <summary>How often a down connector lets one request try.</summary>
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);

    int _failures;
    long _downSince;

    /// <summary>True unless the recent requests all failed at the transport level.</summary>
    public bool IsUp => Volatile.Read(ref _failures) < FailuresToDown;

    /// <summary>A request got an answer (whatever its status).</summary>
    public void Answered() => Volatile.Write(ref _failures, 0);

    /// <summary>A request got no answer.</summary>
    public void TransportFailed()
    {
        if (Interlocked.Increment(ref _failures) == FailuresToDown)
        {
            Volatile.Write(ref _downSince, time.GetUtcNow().UtcTicks);
        }
    }

    /// <summary>True when a request may go: always while up; while down, once per <see cref="ProbeEvery"/>.</summary>
    public bool MayTry()
    {
        if (IsUp)
        {
            return true;
        }
        var since = Volatile.Read(ref _downSince);
        var now = time.GetUtcNow().UtcTicks;
        return now - since >= ProbeEvery.Ticks && Interlocked.CompareExchange(ref _downSince, now, since) == since;
    }
}
