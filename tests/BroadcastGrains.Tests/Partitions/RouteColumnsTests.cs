using BroadcastGrains.Carrier;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>
/// The partition's per-recipient route and connector columns: a byte each into short code lists, the connector kept
/// only once a connector accepted, and state stored before routing (no columns) reading as "none".
/// </summary>
public sealed class RouteColumnsTests
{
    [Fact]
    public void A_batch_records_each_route_and_the_connector_only_of_accepted_messages()
    {
        var state = new PartitionState { Statuses = new byte[5] };
        var routing = new BatchRouting("cl_a", null, false, ["UG", "US", "KE"]);
        (routing.Routes[0], routing.Routes[1], routing.Routes[2]) = ("UG_A", "US_B", null);
        (routing.Connectors[0], routing.Connectors[1], routing.Connectors[2]) = ("smsc-a", "smsc-b", null);
        SubmitResult[] results =
        [
            new(SubmitStatus.Accepted, null, null),
            new(SubmitStatus.RetryLater, null, null),
            new(SubmitStatus.Rejected, null, "no_route"),
        ];

        new RouteColumns(state).Record([4, 1, 2], results, routing);

        var columns = new RouteColumns(state);
        Assert.Equal(("UG_A", "smsc-a"), (columns.RouteOf(4), columns.ConnectorOf(4)));
        Assert.Equal(("US_B", (string?)null), (columns.RouteOf(1), columns.ConnectorOf(1)));
        Assert.Equal(((string?)null, (string?)null), (columns.RouteOf(2), columns.ConnectorOf(2)));
        Assert.Equal(((string?)null, (string?)null), (columns.RouteOf(0), columns.ConnectorOf(0)));
        Assert.Equal(5, state.RouteOf!.Length);
        Assert.Equal(["UG_A", "US_B"], state.RouteCodes!);
    }

    [Fact]
    public void State_stored_before_routing_reads_as_no_route_and_no_connector()
    {
        var state = new PartitionState { Statuses = new byte[3] };

        var columns = new RouteColumns(state);

        Assert.Null(columns.RouteOf(1));
        Assert.Null(columns.ConnectorOf(1));
    }

    [Fact]
    public void A_later_batch_under_a_changed_table_adds_its_codes_without_disturbing_earlier_ones()
    {
        var state = new PartitionState { Statuses = new byte[2] };
        var accepted = new SubmitResult[] { new(SubmitStatus.Accepted, null, null) };
        var first = new BatchRouting(null, null, false, ["UG"]);
        (first.Routes[0], first.Connectors[0]) = ("UG_A", "smsc-a");
        var second = new BatchRouting(null, null, false, ["UG"]);
        (second.Routes[0], second.Connectors[0]) = ("UG_B", "smsc-b");

        new RouteColumns(state).Record([0], accepted, first);
        new RouteColumns(state).Record([1], accepted, second);

        var columns = new RouteColumns(state);
        Assert.Equal(("UG_A", "smsc-a"), (columns.RouteOf(0), columns.ConnectorOf(0)));
        Assert.Equal(("UG_B", "smsc-b"), (columns.RouteOf(1), columns.ConnectorOf(1)));
    }
}
