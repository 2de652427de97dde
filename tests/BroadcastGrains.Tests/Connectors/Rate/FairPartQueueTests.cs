using BroadcastGrains.Carrier.Connectors.Rate;

namespace BroadcastGrains.Tests.Connectors.Rate;

/// <summary>Who is let through a connector's rate: fairly by broadcast, never FIFO behind a large backlog.</summary>
public class FairPartQueueTests
{
    sealed class Request(string name)
    {
        public string Name { get; } = name;
    }

    [Fact]
    public void A_small_broadcast_arriving_behind_a_large_backlog_is_let_through_within_two_dispatches()
    {
        var queue = new FairPartQueue<Request>();
        for (var i = 0; i < 200; i++)
        {
            queue.Enqueue("bc_large", 50, new Request("large"));
        }
        var small = new Request("small");
        queue.Enqueue("bc_small", 10, small);
        var granted = new List<Request>();

        // Two 20 ms ticks of a 500 parts/s connector: half of each is the small broadcast's.
        Assert.Equal(10, queue.Dispatch(10, granted));
        Assert.Empty(granted);
        Assert.Equal(10, queue.Dispatch(10, granted));

        Assert.Equal([small], granted);
        Assert.Equal(1, queue.Flows);
    }

    [Fact]
    public void Two_backlogs_get_equal_parts_over_many_dispatches()
    {
        var queue = new FairPartQueue<Request>();
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue("bc_a", 50, new Request("a"));
            queue.Enqueue("bc_b", 25, new Request("b"));
        }
        var granted = new List<Request>();

        for (var tick = 0; tick < 100; tick++)
        {
            queue.Dispatch(10, granted);
        }

        var partsA = granted.Count(r => r.Name == "a") * 50;
        var partsB = granted.Count(r => r.Name == "b") * 25;
        Assert.InRange(partsA, 450, 500);
        Assert.InRange(partsB, 475, 500);
    }

    [Fact]
    public void A_request_larger_than_one_dispatch_builds_credit_and_goes_once_covered()
    {
        var queue = new FairPartQueue<Request>();
        var large = new Request("large");
        queue.Enqueue("bc", 25, large);
        var granted = new List<Request>();

        Assert.Equal(10, queue.Dispatch(10, granted));
        Assert.Equal(10, queue.Dispatch(10, granted));
        Assert.Empty(granted);
        Assert.Equal(5, queue.Dispatch(10, granted));
        Assert.Equal([large], granted);
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void A_withdrawn_request_is_never_let_through()
    {
        var queue = new FairPartQueue<Request>();
        var gone = new Request("gone");
        queue.Enqueue("bc", 5, gone);

        Assert.True(queue.Remove("bc", gone));
        var granted = new List<Request>();
        Assert.Equal(0, queue.Dispatch(100, granted));
        Assert.Empty(granted);
        Assert.False(queue.Remove("bc", gone));
    }
}
