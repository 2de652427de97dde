using BroadcastGrains.Routing;
using static BroadcastGrains.Tests.Routing.RoutesFor;

namespace BroadcastGrains.Tests.Routing;

/// <summary>
/// Which route a recipient takes: the first in table order whose filters all match, an absent filter matching
/// everything, prefixes on the E.164 digits, countries on the region, client ids on the broadcast's client.
/// </summary>
public class RouteMatchingTests
{
    const long Mtn = 256771234567;      // +256 77…: Uganda, MTN
    const long Airtel = 256701234567;   // +256 70…: Uganda, Airtel
    const long Us = 14155550100;

    [Fact]
    public void The_first_route_whose_filters_match_wins_even_when_a_later_one_is_more_specific()
    {
        var routes = Compile(Route("UG_ALL", countries: ["UG"]), Route("UG_MTN", prefixes: ["+25677"]));

        Assert.Equal("UG_ALL", CodeOf(routes, "cl_a", "UG", Mtn));
    }

    [Fact]
    public void Prefixes_match_the_start_of_the_E164_number_and_the_earliest_matching_route_wins_whatever_its_length()
    {
        var routes = Compile(Route("MTN", prefixes: ["+25677", "+25678"]), Route("UG_OTHER", prefixes: ["+256"]),
            Route("MTN_77_1", prefixes: ["+256771"]));

        Assert.Equal("MTN", CodeOf(routes, null, "UG", Mtn));
        Assert.Equal("UG_OTHER", CodeOf(routes, null, "UG", Airtel));
        Assert.Null(CodeOf(routes, null, "US", Us));
    }

    [Fact]
    public void A_later_prefix_route_wins_over_an_earlier_one_only_when_the_earlier_does_not_match()
    {
        var routes = Compile(Route("AIRTEL", prefixes: ["+25670"]), Route("MTN_LONG", prefixes: ["+2567712"]),
            Route("REST"));

        Assert.Equal("MTN_LONG", CodeOf(routes, null, "UG", Mtn));
        Assert.Equal("AIRTEL", CodeOf(routes, null, "UG", Airtel));
        Assert.Equal("REST", CodeOf(routes, null, "US", Us));
    }

    [Fact]
    public void Every_filter_of_a_route_must_match()
    {
        var routes = Compile(
            Route("VIP_UG_MTN", countries: ["UG"], prefixes: ["+25677"], clients: ["cl_vip"]),
            Route("UG", countries: ["UG"]),
            Route("US", countries: ["US"]));

        Assert.Equal("VIP_UG_MTN", CodeOf(routes, "cl_vip", "UG", Mtn));
        Assert.Equal("UG", CodeOf(routes, "cl_other", "UG", Mtn));
        Assert.Equal("UG", CodeOf(routes, "cl_vip", "UG", Airtel));
        Assert.Equal("US", CodeOf(routes, "cl_vip", "US", Us));
        Assert.Null(CodeOf(routes, "cl_vip", "KE", 254712345678));
    }

    [Fact]
    public void A_prefix_route_restricted_to_a_country_does_not_take_that_prefix_elsewhere()
    {
        // +1 is shared by the US and Canada; the region decides, not the prefix alone.
        var routes = Compile(Route("CA", countries: ["CA"], prefixes: ["+1"]), Route("ANY"));

        Assert.Equal("ANY", CodeOf(routes, null, "US", Us));
        Assert.Equal("CA", CodeOf(routes, null, "CA", 16135550100));
    }

    [Fact]
    public void With_no_table_the_implicit_default_route_takes_every_connector_in_configuration_order()
    {
        var routes = CompiledRoutes.Compile(RoutingTable.Unset, TwoSmscs);

        Assert.True(routes.IsImplicit);
        Assert.Equal("default", CodeOf(routes, "cl_a", "UG", Mtn));
        Assert.Equal([0, 1, 2], routes[0].Picker.Connectors);
        Assert.Equal(RouteStrategy.Failover, routes[0].Definition.Strategy);
    }

    [Fact]
    public void A_forced_route_is_found_by_its_code()
    {
        var routes = Compile(Route("UG", countries: ["UG"]), Route("US", countries: ["US"]));

        Assert.Equal(1, routes.IndexOf("US"));
        Assert.Equal(-1, routes.IndexOf("NOPE"));
    }

    [Fact]
    public void Route_prices_replace_the_country_price_but_a_country_without_a_price_stays_unroutable()
    {
        var routes = Compile(Route("CHEAP", price: 0.004m), Route("PLAIN"));

        Assert.Equal(0.004m, routes[0].PerSegment(0.01m));
        Assert.Null(routes[0].PerSegment(null));
        Assert.Equal(0.01m, routes[1].PerSegment(0.01m));
        Assert.Equal(0.02m, routes[1].PerMms(0.02m));
    }

    [Fact]
    public void Mms_picks_only_connectors_that_carry_mms()
    {
        var routes = Compile(Route("SMPP_ONLY", connectors: ["smsc-a", "smsc-b"]), Route("MIXED", connectors: ["smsc-a", "sim"]));

        Assert.False(routes[0].SupportsMms);
        Assert.True(routes[1].SupportsMms);
        Assert.Equal(2, routes[1].MmsPicker.Pick(AllUp.Instance, 1));
    }

    sealed class AllUp : IConnectorStates
    {
        public static readonly AllUp Instance = new();

        public bool IsUp(int connector) => true;
    }
}
