using BroadcastGrains.Carrier.Connectors;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastGrains.Tests.Connectors;

/// <summary>A connector's parts of the day: counted as taken, and from zero again at midnight UTC.</summary>
public class DailyPartTallyTests
{
    [Fact]
    public void Parts_add_up_through_the_day_and_start_from_zero_at_midnight_UTC()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 59, 0, TimeSpan.Zero));
        var tally = new DailyPartTally(time);

        tally.Add(3);
        tally.Add(2);
        Assert.Equal(5, tally.Today);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, tally.Today);
        tally.Add(4);
        Assert.Equal(4, tally.Today);
    }
}
