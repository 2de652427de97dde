using System.Net;
using System.Text.RegularExpressions;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary>
/// <c>/metrics</c>: Prometheus text, no key. (That the counters move with a broadcast is checked against a silo process in
/// BroadcastGrains.Cli.Tests: silos hosted side by side in one test process share the process's meters.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class MetricsTests(ApiFixture api)
{
    [Fact]
    public async Task Metrics_need_no_key_and_never_name_a_number()
    {
        using var http = api.Anonymous();
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(PhoneNumber(), text);
    }

    [GeneratedRegex(@"\+\d{8,15}")]
    private static partial Regex PhoneNumber();
}
