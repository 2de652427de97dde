using BroadcastGrains.Carrier.Connectors.Rate;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastGrains.Tests.Connectors.Rate;

/// <summary>A silo's side of a daily limit: leased in blocks, used up until the next UTC day.</summary>
public class DailyAllowanceTests
{
    sealed class Day(long limit)
    {
        public Dictionary<DateOnly, long> Leased { get; } = [];
        public int Calls { get; private set; }

        public ValueTask<long> LeaseAsync(DateOnly day, long wanted)
        {
            Calls++;
            var used = Leased.GetValueOrDefault(day);
            var granted = Math.Clamp(limit - used, 0, wanted);
            Leased[day] = used + granted;
            return ValueTask.FromResult(granted);
        }
    }

    [Fact]
    public async Task Parts_are_leased_in_blocks_not_per_message()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var day = new Day(1_000_000);
        var allowance = new DailyAllowance(day.LeaseAsync, 500, time);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(3, (await allowance.TakeAsync(3)).Parts);
        }

        Assert.Equal(1, day.Calls);
    }

    [Fact]
    public async Task Over_the_limit_nothing_more_goes_until_the_next_UTC_day()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 59, 0, TimeSpan.Zero));
        var day = new Day(30);
        var allowance = new DailyAllowance(day.LeaseAsync, 500, time);

        Assert.Equal(20, (await allowance.TakeAsync(20)).Parts);
        Assert.Equal(10, (await allowance.TakeAsync(20)).Parts);
        Assert.Equal(0, (await allowance.TakeAsync(20)).Parts);
        Assert.True(allowance.Exhausted);
        var calls = day.Calls;
        Assert.Equal(0, (await allowance.TakeAsync(1)).Parts);
        Assert.Equal(calls, day.Calls);

        time.Advance(TimeSpan.FromMinutes(1));
        var (parts, on) = await allowance.TakeAsync(20);
        Assert.Equal((20, new DateOnly(2026, 12, 8)), (parts, on));
    }

    [Fact]
    public async Task Parts_given_back_are_used_again_that_day_but_not_the_next()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 59, 0, TimeSpan.Zero));
        var day = new Day(10);
        var allowance = new DailyAllowance(day.LeaseAsync, 500, time);

        var (parts, on) = await allowance.TakeAsync(10);
        allowance.GiveBack(on, 4);
        Assert.Equal(4, (await allowance.TakeAsync(10)).Parts);

        allowance.GiveBack(on, 4);
        time.Advance(TimeSpan.FromMinutes(1));
        allowance.GiveBack(on, 6);
        Assert.Equal(10, (await allowance.TakeAsync(20)).Parts);
        Assert.Equal(10, day.Leased[new DateOnly(2026, 12, 8)]);
        Assert.Equal(10, parts);
    }
}
