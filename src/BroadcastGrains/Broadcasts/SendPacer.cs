using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Pacing for drip and quiet hours: one token bucket per broadcast, refilled at <c>dripRatePerMinute</c>, kept by the
/// broadcast's single activation, so the rate holds across all partitions and silos together. Outside the delivery
/// window nothing is granted and partitions are told when it opens.
/// </summary>
internal sealed class SendPacer
{
    static readonly TimeSpan AskAgainSoon = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan AskAgainAtMost = TimeSpan.FromMinutes(1);

    double _tokens;
    DateTimeOffset _tokensAt;

    /// <summary>How many of <paramref name="wanted"/> messages a partition of run <paramref name="run"/> may submit now.</summary>
    public SendGrant Grant(BroadcastState state, int run, int wanted, DateTimeOffset now)
    {
        if (!state.Exists || state.RunOf(run) is not { Status: BroadcastStatus.Sending })
        {
            return new SendGrant(0, AskAgainAtMost);
        }
        var schedule = state.Definition!.Schedule;
        if (schedule.DeliveryWindow is { } window && !QuietHours.IsOpen(window.Start, window.End, schedule.Timezone, now))
        {
            var opens = QuietHours.NextOpening(window.Start, window.End, schedule.Timezone, now) - now;
            return new SendGrant(0, AtMost(opens));
        }
        if (schedule.DripRatePerMinute is not { } perMinute || schedule.Mode != ScheduleMode.Drip)
        {
            return new SendGrant(wanted, TimeSpan.Zero);
        }
        var perSecond = perMinute / 60.0;
        // At most a second's worth may pile up, so a pause in asking never turns into a burst above the rate.
        var capacity = Math.Max(1.0, perSecond);
        _tokens = _tokensAt == default ? 1.0 : Math.Min(capacity, _tokens + ((now - _tokensAt).TotalSeconds * perSecond));
        _tokensAt = now;
        var granted = (int)Math.Min(wanted, Math.Floor(_tokens));
        _tokens -= granted;
        var wait = granted > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max((1 - _tokens) / perSecond, AskAgainSoon.TotalSeconds));
        return new SendGrant(granted, AtMost(wait));
    }

    static TimeSpan AtMost(TimeSpan wait) => wait < AskAgainAtMost ? wait : AskAgainAtMost;
}
