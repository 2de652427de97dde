namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>
/// This silo's side of a connector's <c>DailyLimit</c>: parts are leased from the day's count for the whole cluster
/// (<see cref="IConnectorDayGrain"/>, which stores what it leased, so a restart does not reset the day) in blocks of
/// about a second's worth, and handed out from the lease with no call per message. Parts taken but not accepted by the
/// carrier come back to the lease. Once the day's count is used up, nothing more is leased until the next UTC day, and
/// what is over the limit waits (the send path answers it "later", not failed). Thread-safe.
/// </summary>
public sealed class DailyAllowance
{
    readonly Func<DateOnly, long, ValueTask<long>> _lease;
    readonly long _block;
    readonly TimeProvider _time;
    readonly Lock _gate = new();
    DateOnly _day;
    long _leased;
    bool _exhausted;

    /// <summary>
    /// An allowance leasing through <paramref name="lease"/> (day, parts wanted → parts granted), at least
    /// <paramref name="block"/> parts at a time.
    /// </summary>
    public DailyAllowance(Func<DateOnly, long, ValueTask<long>> lease, long block, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(time);
        _lease = lease;
        _block = Math.Max(1, block);
        _time = time;
        _day = Today();
    }

    /// <summary>True when the day's limit is used up on this silo's last look (until the next UTC day).</summary>
    public bool Exhausted
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _exhausted && _leased == 0;
            }
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> parts; answers how many may be sent, and the day they count in.</summary>
    public async ValueTask<(long Parts, DateOnly Day)> TakeAsync(long wanted)
    {
        DateOnly asking;
        long ask;
        lock (_gate)
        {
            Roll();
            if (_leased >= wanted || _exhausted)
            {
                return TakeLocked(wanted);
            }
            (asking, ask) = (_day, Math.Max(_block, wanted - _leased));
        }
        var granted = await _lease(asking, ask);
        lock (_gate)
        {
            Roll();
            if (_day == asking)
            {
                _leased += granted;
                _exhausted |= granted < ask;
            }
            return TakeLocked(wanted);
        }
    }

    /// <summary>
    /// Gives back parts taken on <paramref name="takenOn"/> that the carrier did not take; parts of a day gone by are
    /// not given to the new day, which leases its own.
    /// </summary>
    public void GiveBack(DateOnly takenOn, long parts)
    {
        lock (_gate)
        {
            Roll();
            if (takenOn == _day)
            {
                _leased += Math.Max(0, parts);
            }
        }
    }

    (long, DateOnly) TakeLocked(long wanted)
    {
        var taken = Math.Min(wanted, _leased);
        _leased -= taken;
        return (taken, _day);
    }

    void Roll()
    {
        var today = Today();
        if (today != _day)
        {
            (_day, _leased, _exhausted) = (today, 0, false);
        }
    }

    DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
}
