using BroadcastGrains.Routing;

namespace BroadcastGrains.Tests.Routing;

/// <summary>
/// Choosing a route's connector: failover takes the first that is up; roundRobin spreads parts in proportion to the
/// connectors' rates, over the ones that are up, in a deterministic and interleaved order.
/// </summary>
public class ConnectorPickerTests
{
    [Fact]
    public void Failover_takes_the_first_connector_that_is_up_and_none_when_all_are_down()
    {
        var picker = new ConnectorPicker([4, 2, 7], [1, 1, 1], RouteStrategy.Failover);
        var states = new States(up: [2, 4, 7]);

        Assert.Equal(4, picker.Pick(states, 1));
        states.Down(4);
        Assert.Equal(2, picker.Pick(states, 1));
        states.Down(2);
        states.Down(7);
        Assert.Equal(-1, picker.Pick(states, 1));
    }

    [Fact]
    public void Round_robin_over_300_and_100_parts_per_second_splits_exactly_three_to_one_interleaved()
    {
        var picker = new ConnectorPicker([0, 1], ConnectorPicker.WeightsOf([300, 100]), RouteStrategy.RoundRobin);
        var states = new States(up: [0, 1]);

        var picks = Enumerable.Range(0, 400).Select(_ => picker.Pick(states, 1)).ToList();

        Assert.Equal(300, picks.Count(p => p == 0));
        Assert.Equal(100, picks.Count(p => p == 1));
        // Smooth: the slow connector gets one message in every four, never four in a row to the fast one.
        Assert.Equal([0, 0, 1, 0], picks.Take(4));
        Assert.All(picks.Chunk(4), chunk => Assert.Single(chunk, p => p == 1));
    }

    [Fact]
    public void Round_robin_counts_message_parts_not_messages()
    {
        var picker = new ConnectorPicker([0, 1], ConnectorPicker.WeightsOf([100, 100]), RouteStrategy.RoundRobin);
        var states = new States(up: [0, 1]);
        var parts = new byte[1_000];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (byte)(i % 2 == 0 ? 3 : 1);
        }
        var chosen = new int[parts.Length];

        picker.PickAll(states, parts, chosen);

        var partsOn = new long[2];
        for (var i = 0; i < parts.Length; i++)
        {
            partsOn[chosen[i]] += parts[i];
        }
        Assert.InRange(partsOn[0], 990, 1010);
        Assert.InRange(partsOn[1], 990, 1010);
    }

    [Fact]
    public void Round_robin_without_rates_is_equal_and_a_down_connector_takes_nothing()
    {
        var picker = new ConnectorPicker([0, 1, 2], ConnectorPicker.WeightsOf([0, 0, 0]), RouteStrategy.RoundRobin);
        var states = new States(up: [0, 1, 2]);

        var first = Enumerable.Range(0, 300).Select(_ => picker.Pick(states, 1)).ToList();
        states.Down(1);
        var second = Enumerable.Range(0, 300).Select(_ => picker.Pick(states, 1)).ToList();

        Assert.All(new[] { 0, 1, 2 }, c => Assert.Equal(100, first.Count(p => p == c)));
        Assert.DoesNotContain(1, second);
        Assert.Equal(150, second.Count(p => p == 0));
    }

    [Fact]
    public void A_connector_without_a_rate_weighs_as_much_as_the_fastest_one_with_a_rate()
    {
        Assert.Equal([300, 100, 300], ConnectorPicker.WeightsOf([300, 100, 0]));
        Assert.Equal([1, 1], ConnectorPicker.WeightsOf([0, 0]));
    }

    sealed class States(int[] up) : IConnectorStates
    {
        readonly HashSet<int> _up = [.. up];

        public void Down(int connector) => _up.Remove(connector);

        public bool IsUp(int connector) => _up.Contains(connector);
    }
}
