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
    readonly Func<DateOnly, long, ValueTask<long>> lease;
    readonly long block;
    readonly TimeProvider time;
    readonly Lock gate = new();
    DateOnly day;
    long leased;
    bool exhausted;

    /// <summary>
    /// An allowance leasing through <paramref name="lease"/> (day, parts wanted → parts granted), at least
    /// <paramref name="block"/> parts at a time.
    /// </summary>
    public DailyAllowance(Func<DateOnly, long, ValueTask<long>> lease, long block, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(time);
        this.lease = lease;
        this.block = Math.Max(1, block);
        this.time = time;
        day = Today();
    }

    /// <summary>True when the day's limit is used up on this silo's last look (until the next UTC day).</summary>
    public bool Exhausted
    {
        get
        {
            lock (gate)
            {
                Roll();
                return exhausted && leased == 0;
            }
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> parts; answers how many may be sent, and the day they count in.</summary>
    public async ValueTask<(long Parts, DateOnly Day)> TakeAsync(long wanted)
    {
        DateOnly asking;
        long ask;
        lock (gate)
        {
            Roll();
            if (leased >= wanted || exhausted)
            {
                return TakeLocked(wanted);
            }
            (asking, ask) = (day, Math.Max(block, wanted - leased));
        }
        var granted = await lease(asking, ask);
        lock (gate)
        {
            Roll();
            if (day == asking)
            {
                leased += granted;
                exhausted |= granted < ask;
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
        lock (gate)
        {
            Roll();
            if (takenOn == day)
            {
                leased += Math.Max(0, parts);
            }
        }
    }

    (long, DateOnly) TakeLocked(long wanted)
    {
        var taken = Math.Min(wanted, leased);
        leased -= taken;
        return (taken, day);
    }

    void Roll()
    {
        var today = Today();
        if (today != day)
        {
            (day, leased, exhausted) = (today, 0, false);
        }
    }

    DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
