namespace BroadcastGrains.Testing;

/// <summary>
/// A clock that runs with real time, moved ahead by the test: months pass in a call, and the seconds after it pass as
/// seconds, so a timer armed for the last few seconds of a months-long wait fires on this clock's time; rates and pacing
/// measured by it see real durations. Registered as the broadcasts' clock only (<c>BroadcastClock.Key</c>, Orleans
/// keeps the real one) or as the silo's <c>TimeProvider</c> (runs on a chosen UTC day). Timers it creates are real ones.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock ahead by <paramref name="by"/>; it never goes back.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Moves the clock ahead until it reads <paramref name="at"/> (a time it already passed leaves it alone).</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var ahead = at - GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            Advance(ahead);
        }
    }
}
