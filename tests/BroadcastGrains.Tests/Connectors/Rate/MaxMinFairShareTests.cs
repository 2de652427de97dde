using BroadcastGrains.Carrier.Connectors.Rate;

namespace BroadcastGrains.Tests.Connectors.Rate;

/// <summary>The fair-share rule: equal shares, and what a small demand leaves goes to the others.</summary>
public class MaxMinFairShareTests
{
    static long[] Split(long available, params long[] demands)
    {
        var shares = new long[demands.Length];
        var given = MaxMinFairShare.Split(available, demands, shares);
        Assert.Equal(Math.Min(available, demands.Sum()), given);
        return shares;
    }

    [Fact]
    public void A_small_demand_gets_all_it_asks_and_the_large_one_takes_the_rest()
    {
        Assert.Equal([10, 490], Split(500, 10, 100_000));
    }

    [Fact]
    public void Two_large_demands_share_equally()
    {
        Assert.Equal([250, 250], Split(500, 2_000_000, 100_000));
    }

    [Fact]
    public void What_the_small_ones_leave_is_split_equally_among_the_rest()
    {
        Assert.Equal([50, 150, 150, 150], Split(500, 50, 1_000, 1_000, 150));
    }

    [Fact]
    public void Everyone_gets_what_it_wants_when_there_is_enough()
    {
        Assert.Equal([3, 7, 0], Split(500, 3, 7, 0));
    }

    [Fact]
    public void Fewer_parts_than_takers_go_one_each_to_the_first_ones()
    {
        Assert.Equal([1, 1, 0], Split(2, 5, 5, 5));
    }

    [Fact]
    public void Nothing_available_gives_nothing()
    {
        Assert.Equal([0, 0], Split(0, 5, 5));
    }
}
