using BroadcastGrains.Routing;
using static BroadcastGrains.Tests.Routing.RoutesFor;

namespace BroadcastGrains.Tests.Routing;

/// <summary>
/// What the partition send path will ask per recipient: its route (the forced one whatever the filters), whether it
/// can go (<c>no_route</c>, <c>mms_not_supported</c>), and at submit time its connector or a wait when none is up.
/// </summary>
public class RecipientRouterTests
{
    const long Mtn = 256771234567;
    const long Us = 14155550100;

    static readonly CompiledRoutes Table = Compile(
        Route("UG", countries: ["UG"], connectors: ["smsc-a", "smsc-b"]),
        Route("US_MMS", countries: ["US"], connectors: ["smsc-b", "sim"]));

    [Fact]
    public void Recipients_take_their_route_and_unmatched_ones_are_no_route()
    {
        var router = new RecipientRouter(Table, "cl_a", forcedRoute: null, isMms: false);

        Assert.Equal(0, router.RouteOf(Mtn, "UG"));
        Assert.Equal(1, router.RouteOf(Us, "US"));
        Assert.Equal(RouteVerdict.NoRoute, router.Check(router.RouteOf(254712345678, "KE")));
        Assert.Equal(RouteVerdict.Routed, router.Check(0));
    }

    [Fact]
    public void A_forced_route_takes_every_recipient_whatever_its_filters()
    {
        var router = new RecipientRouter(Table, "cl_a", forcedRoute: "US_MMS", isMms: false);

        Assert.Equal(1, router.RouteOf(Mtn, "UG"));
        Assert.Equal(1, router.RouteOf(254712345678, "KE"));
    }

    [Fact]
    public void An_mms_goes_only_where_a_connector_carries_mms()
    {
        var router = new RecipientRouter(Table, "cl_a", forcedRoute: null, isMms: true);
        var allUp = new UpSet(0, 1, 2);

        Assert.Equal(RouteVerdict.MmsNotSupported, router.Check(router.RouteOf(Mtn, "UG")));
        Assert.Equal(RouteVerdict.Routed, router.Check(router.RouteOf(Us, "US")));
        // smsc-b comes first on the route but cannot carry MMS: the simulator takes it, never SMPP as text.
        Assert.Equal(2, router.ConnectorFor(1, allUp, 1));
    }

    [Fact]
    public void Failover_takes_the_next_connector_that_is_up_and_none_up_means_wait()
    {
        var router = new RecipientRouter(Table, "cl_a", forcedRoute: null, isMms: false);

        Assert.Equal(0, router.ConnectorFor(0, new UpSet(0, 1), 1));
        Assert.Equal(1, router.ConnectorFor(0, new UpSet(1), 1));
        Assert.Equal(-1, router.ConnectorFor(0, new UpSet(2), 1));
    }

    sealed class UpSet(params int[] up) : IConnectorStates
    {
        public bool IsUp(int connector) => up.Contains(connector);
    }
}
