using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>Drip and quiet hours: what a paced partition may send now, and when it should ask again.</summary>
public sealed class SendPacerTests
{
    static BroadcastState Sending(ScheduleSpec schedule)
    {
        var state = States.Of(BroadcastStatus.Sending, schedule);
        state.Runs.Add(States.Run(1, BroadcastStatus.Sending));
        return state;
    }

    static ScheduleSpec Drip(int perMinute) => States.Schedule(ScheduleMode.Drip) with { DripRatePerMinute = perMinute };

    [Theory]
    [InlineData(BroadcastStatus.Paused)]
    [InlineData(BroadcastStatus.Cancelled)]
    public void A_run_that_is_not_sending_gets_nothing_and_asks_again_in_a_minute(BroadcastStatus status)
    {
        var state = Sending(ScheduleSpec.Now);
        state.Runs[0].Status = status;

        Assert.Equal(new SendGrant(0, TimeSpan.FromMinutes(1)), new SendPacer().Grant(state, 1, 50, States.Now));
        Assert.Equal(new SendGrant(0, TimeSpan.FromMinutes(1)), new SendPacer().Grant(Sending(ScheduleSpec.Now), 2, 50, States.Now));
    }

    [Fact]
    public void An_unpaced_run_gets_all_it_asks_for()
    {
        Assert.Equal(new SendGrant(50, TimeSpan.Zero), new SendPacer().Grant(Sending(ScheduleSpec.Now), 1, 50, States.Now));
    }

    [Fact]
    public void Outside_the_delivery_window_nothing_goes_and_the_partition_asks_when_it_opens_or_in_a_minute()
    {
        var soon = Sending(ScheduleSpec.Now with { DeliveryWindow = new DeliveryWindow(new TimeOnly(9, 0, 30), new TimeOnly(18, 0)) });
        var later = Sending(ScheduleSpec.Now with { DeliveryWindow = new DeliveryWindow(new TimeOnly(10, 0), new TimeOnly(18, 0)) });
        var open = Sending(ScheduleSpec.Now with { DeliveryWindow = new DeliveryWindow(new TimeOnly(8, 0), new TimeOnly(18, 0)) });

        Assert.Equal(new SendGrant(0, TimeSpan.FromSeconds(30)), new SendPacer().Grant(soon, 1, 50, States.Now));
        Assert.Equal(new SendGrant(0, TimeSpan.FromMinutes(1)), new SendPacer().Grant(later, 1, 50, States.Now));
        Assert.Equal(new SendGrant(50, TimeSpan.Zero), new SendPacer().Grant(open, 1, 50, States.Now));
    }

    [Fact]
    public void A_drip_grants_at_its_rate_across_every_asking_partition()
    {
        var state = Sending(Drip(perMinute: 120));
        var pacer = new SendPacer();

        Assert.Equal(1, pacer.Grant(state, 1, 50, States.Now).Granted);
        var refused = pacer.Grant(state, 1, 50, States.Now);
        Assert.Equal(new SendGrant(0, TimeSpan.FromSeconds(0.5)), refused);
        Assert.Equal(1, pacer.Grant(state, 1, 50, States.Now.AddSeconds(0.5)).Granted);
        Assert.Equal(2, pacer.Grant(state, 1, 50, States.Now.AddSeconds(1.5)).Granted);
    }

    [Fact]
    public void A_pause_in_asking_never_turns_into_a_burst_above_a_second_of_the_rate()
    {
        var state = Sending(Drip(perMinute: 600));
        var pacer = new SendPacer();
        pacer.Grant(state, 1, 1, States.Now);

        Assert.Equal(10, pacer.Grant(state, 1, 1000, States.Now.AddHours(1)).Granted);
    }

    [Fact]
    public void A_partition_turned_away_waits_for_its_next_token_but_at_least_a_tenth_of_a_second_and_at_most_a_minute()
    {
        var fast = Sending(Drip(perMinute: 6000));
        var slow = Sending(Drip(perMinute: 1));
        var (fastPacer, slowPacer) = (new SendPacer(), new SendPacer());
        fastPacer.Grant(fast, 1, 1, States.Now);
        slowPacer.Grant(slow, 1, 1, States.Now);

        Assert.Equal(new SendGrant(0, TimeSpan.FromMilliseconds(100)), fastPacer.Grant(fast, 1, 1, States.Now));
        var wait = slowPacer.Grant(slow, 1, 1, States.Now.AddSeconds(1)).RetryAfter;
        Assert.InRange(wait, TimeSpan.FromSeconds(58.9), TimeSpan.FromSeconds(59.1));
        Assert.InRange(slowPacer.Grant(slow, 1, 1, States.Now.AddSeconds(1)).RetryAfter, wait, TimeSpan.FromMinutes(1));
    }
}
