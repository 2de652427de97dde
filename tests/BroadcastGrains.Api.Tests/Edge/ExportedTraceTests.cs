using System.Collections.Concurrent;
using System.Diagnostics;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Edge;

/// <summary>
/// Issue 14 item 6: a request whose path carries a phone number leaves no trace of it in the spans the OTLP pipeline
/// exports. The in-test listener is added after the silo's tracer provider, so it sees each span after the provider's
/// processors (redaction, then the exporter's) have run.
/// </summary>
[Collection(EdgeApiCollection.Name)]
public sealed class ExportedTraceTests(EdgeApiFixture api)
{
    const string Digits = "14155550147";

    [Fact]
    public async Task No_span_name_or_tag_of_an_opt_out_request_holds_the_phone_number()
    {
        using var tenant = await Tenant.CreateAsync(api, 0m, "sms:read", "lists:write");
        var trace = ActivityTraceId.CreateRandom();
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
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

        using var added = await SendAsync(tenant, HttpMethod.Post, "/v1/opt-outs", trace, $$"""{"phone":"+{{Digits}}"}""");
        using var removed = await SendAsync(tenant, HttpMethod.Delete, $"/v1/opt-outs/%2B{Digits}", trace, null);

        Assert.True(added.IsSuccessStatusCode, $"POST answered {(int)added.StatusCode}");
        Assert.True(removed.IsSuccessStatusCode, $"DELETE answered {(int)removed.StatusCode}");
        var spans = await Eventually.ReadAsync(() => seen.ToList(),
            s => s.Count(a => a.Source.Name == "Microsoft.AspNetCore") >= 2 && s.Any(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "both requests' spans and their grain calls");
        var request = spans.First(a => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("http.request.method") as string == "DELETE");
        Assert.Equal("/v1/opt-outs/{redacted}", request.GetTagItem("url.path"));
        foreach (var span in spans)
        {
            Assert.DoesNotContain(Digits, span.DisplayName, StringComparison.Ordinal);
            foreach (var (key, value) in span.TagObjects)
            {
                Assert.False(value?.ToString()?.Contains(Digits, StringComparison.Ordinal) == true, $"{span.DisplayName}: {key} = {value}");
            }
        }
    }

    static Task<HttpResponseMessage> SendAsync(Tenant tenant, HttpMethod method, string path, ActivityTraceId trace, string? json)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        return tenant.Http.SendAsync(request);
    }
}
