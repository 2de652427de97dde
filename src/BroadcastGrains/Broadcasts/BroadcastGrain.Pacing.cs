using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Pacing for drip and quiet hours: one token bucket per broadcast, refilled at <c>dripRatePerMinute</c>, in this single
/// activation, so the rate holds across all partitions and silos together. Outside the delivery window nothing is granted
/// and partitions are told when the window opens.
/// </summary>
internal sealed partial class BroadcastGrain
{
    static readonly TimeSpan AskAgainSoon = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan AskAgainAtMost = TimeSpan.FromMinutes(1);

    double tokens;
    DateTimeOffset tokensAt;

    public Task<SendGrant> AcquireSendsAsync(int run, int wanted)
    {
        var now = time.GetUtcNow();
        if (!State.Exists || State.RunOf(run) is not { Status: BroadcastStatus.Sending })
        {
            return Task.FromResult(new SendGrant(0, AskAgainAtMost));
        }
        var schedule = State.Definition!.Schedule;
        if (schedule.DeliveryWindow is { } window && !QuietHours.IsOpen(window.Start, window.End, schedule.Timezone, now))
        {
            var opens = QuietHours.NextOpening(window.Start, window.End, schedule.Timezone, now) - now;
            return Task.FromResult(new SendGrant(0, opens < AskAgainAtMost ? opens : AskAgainAtMost));
        }
        if (schedule.DripRatePerMinute is not { } perMinute || schedule.Mode != ScheduleMode.Drip)
        {
            return Task.FromResult(new SendGrant(wanted, TimeSpan.Zero));
        }
        var perSecond = perMinute / 60.0;
        // At most a second's worth may pile up, so a pause in asking never turns into a burst above the rate.
        var capacity = Math.Max(1.0, perSecond);
        tokens = tokensAt == default ? 1.0 : Math.Min(capacity, tokens + ((now - tokensAt).TotalSeconds * perSecond));
        tokensAt = now;
        var granted = (int)Math.Min(wanted, Math.Floor(tokens));
        tokens -= granted;
        var wait = granted > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max((1 - tokens) / perSecond, AskAgainSoon.TotalSeconds));
        return Task.FromResult(new SendGrant(granted, wait < AskAgainAtMost ? wait : AskAgainAtMost));
    }
}
