using BroadcastGrains.Routing;
using static BroadcastGrains.Tests.Routing.RoutesFor;

namespace BroadcastGrains.Tests.Routing;

/// <summary>What a routing table must be before it replaces the stored one; each problem names its field.</summary>
public class RouteRulesTests
{
    static readonly string[] Configured = ["smsc-a", "smsc-b"];

    [Fact]
    public void A_good_table_has_no_problems()
    {
        var errors = RouteRules.Check(
            [Route("UG_MTN", countries: ["UG"], prefixes: ["+25677"], connectors: ["smsc-a", "smsc-b"], price: 0.006m),
             Route("REST", connectors: ["smsc-b"], strategy: RouteStrategy.RoundRobin)], Configured);

        Assert.Empty(errors);
    }

    [Fact]
    public void An_empty_table_is_allowed_and_clears_the_routes()
    {
        Assert.Empty(RouteRules.Check([], Configured));
    }

    [Theory]
    [InlineData("unknown", "routes[0].connectors")]
    [InlineData("empty", "routes[0].connectors")]
    [InlineData("twice", "routes[0].connectors")]
    [InlineData("prefix", "routes[0].prefixes")]
    [InlineData("country", "routes[0].countries")]
    [InlineData("code", "routes[0].code")]
    [InlineData("duplicate", "routes[1].code")]
    [InlineData("price", "routes[0].pricePerSegment")]
    [InlineData("no-filter-items", "routes[0].countries")]
    public void Each_bad_route_is_refused_naming_its_field(string problem, string field)
    {
        RouteDefinition[] routes = problem switch
        {
            "unknown" => [Route("A", connectors: ["smsc-z"])],
            "empty" => [Route("A", connectors: [])],
            "twice" => [Route("A", connectors: ["smsc-a", "smsc-a"])],
            "prefix" => [Route("A", prefixes: ["25677"]), Route("B", prefixes: ["+2567x"])],
            "country" => [Route("A", countries: ["XX"])],
            "code" => [Route("not a code")],
            "duplicate" => [Route("A"), Route("A")],
            "price" => [Route("A", price: -1m)],
            "no-filter-items" => [Route("A", countries: [])],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var errors = RouteRules.Check(routes, Configured);

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Bad_prefixes_are_each_named()
    {
        var errors = RouteRules.Check([Route("A", prefixes: ["+1", "25677", "+0", "+1234567890123456", "+2567x"])], Configured);

        var message = Assert.Single(errors["routes[0].prefixes"]);
        Assert.Contains("'25677'", message, StringComparison.Ordinal);
        Assert.Contains("'+0'", message, StringComparison.Ordinal);
        Assert.Contains("'+1234567890123456'", message, StringComparison.Ordinal);
        Assert.Contains("'+2567x'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'+1'", message, StringComparison.Ordinal);
    }
}
