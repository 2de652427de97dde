namespace BroadcastGrains.Tests.Quota;

/// <summary>
/// A clock the test sets: the system's time plus an offset the test moves, so "now" can be any UTC time of day and jump
/// to the next day, while time still runs and timers and timeouts wait real durations (the silo keeps working).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Makes "now" <paramref name="now"/>, which must not be earlier; time runs on from there.</summary>
    public void Set(DateTimeOffset now) => Advance(now - GetUtcNow());

    /// <summary>Moves the clock forward; never back (rates and pacing measure time by it).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}
