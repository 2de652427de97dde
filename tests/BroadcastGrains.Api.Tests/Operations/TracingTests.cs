using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary>A request's trace continues into the grain calls it makes (Orleans activity propagation).</summary>
[Collection(ApiCollection.Name)]
public sealed class TracingTests(ApiFixture api)
{
    [Fact]
    public async Task An_http_request_and_the_grain_calls_it_makes_share_one_trace()
    {
        using var tenant = await Tenant.CreateAsync(api);
        var trace = ActivityTraceId.CreateRandom();
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Microsoft.Orleans.Runtime" or "Microsoft.Orleans.Application",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    seen.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/wallet", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        using var http = api.Anonymous();
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();

        var grainCalls = await Eventually.ReadAsync(() => Task.FromResult(seen.Where(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).ToList()),
            calls => calls.Count > 0, "a grain call in the request's trace");
        Assert.Contains(seen, a => a.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(grainCalls, a => a.DisplayName.Contains("WalletGrain", StringComparison.OrdinalIgnoreCase)
            || a.DisplayName.Contains("wallet", StringComparison.OrdinalIgnoreCase) || a.OperationName.Contains("Wallet", StringComparison.OrdinalIgnoreCase));
    }
}
