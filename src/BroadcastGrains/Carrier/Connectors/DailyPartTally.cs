namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// Message parts a connector took on this silo during the current UTC day: it starts again from zero at midnight UTC,
/// the day a <c>DailyLimit</c> counts. Thread-safe; a part counted across midnight lands in the day it was counted.
/// </summary>
public sealed class DailyPartTally(TimeProvider time)
{
    readonly Lock _gate = new();
    DateOnly _day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    long _parts;

    /// <summary>Counts <paramref name="taken"/> parts now.</summary>
    public void Add(long taken)
    {
        lock (_gate)
        {
            Roll();
            _parts += taken;
        }
    }

    /// <summary>Parts taken so far today (UTC).</summary>
    public long Today
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _parts;
            }
        }
    }

    void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today != _day)
        {
            (_day, _parts) = (today, 0);
        }
    }
}
