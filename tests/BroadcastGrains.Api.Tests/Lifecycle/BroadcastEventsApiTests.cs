using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Testing;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary><c>GET /v1/broadcasts/{id}/events</c>: progress snapshots while sending, one final snapshot, then the stream ends.</summary>
[Collection(ApiCollection.Name)]
public sealed class BroadcastEventsApiTests(ApiFixture api)
{
    static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_event_stream_shows_progress_while_sending_and_ends_with_one_final_event_of_the_completed_broadcast()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        // 120 a minute, two a second: six recipients take about three seconds to go out.
        var body = LifecycleBodies.Body(6, "drip");
        body["dripRatePerMinute"] = 120;
        var id = (await tenant.SendAsync(body)).Str("id");

        using var response = await tenant.Http.GetAsync(new Uri($"/v1/broadcasts/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ServerSentEvent.ReadAllAsync(await response.Content.ReadAsStreamAsync(), StreamDeadline);

        var final = Assert.Single(events, e => e.Name == "final");
        Assert.Same(final, events[^1]);
        Assert.All(events[..^1], e => Assert.Equal("progress", e.Name));
        var sending = events.Where(e => e.Data.Str("status") == "sending").ToList();
        Assert.True(sending.Count >= 2, $"expected progress snapshots while sending, got {string.Join(", ", events.Select(e => e.Data.Str("status")))}");
        Assert.All(events, e => Assert.Equal(id, e.Data.Str("id")));
        var sent = events.Select(e => Accepted(e.Data["drSummary"]!)).ToList();
        Assert.Equal(sent.Order(), sent);
        Assert.Equal("completed", final.Data.Str("status"));
        var summary = final.Data["drSummary"]!;
        Assert.Equal((6L, 6L), (summary.Long("delivered"), Total(summary)));
        Assert.Equal(final.Data.Long("recipientCount"), Total(summary));
    }

    [Fact]
    public async Task The_event_stream_of_a_finished_broadcast_is_one_final_event()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var id = (await tenant.SendAsync(LifecycleBodies.Body(2))).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed");

        using var response = await tenant.Http.GetAsync(new Uri($"/v1/broadcasts/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var only = Assert.Single(await ServerSentEvent.ReadAllAsync(await response.Content.ReadAsStreamAsync(), StreamDeadline));
        Assert.Equal(("final", done.ToJsonString()), (only.Name, only.Data.ToJsonString()));
    }

    [Fact]
    public async Task The_event_stream_of_another_clients_broadcast_is_404()
    {
        using var owner = await Tenant.CreateAsync(api, 10m);
        using var stranger = await Tenant.CreateAsync(api, 10m);
        var id = (await owner.SendAsync(LifecycleBodies.Body(1))).Str("id");

        using var response = await stranger.Http.GetAsync(new Uri($"/v1/broadcasts/{id}/events", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("scheduled")]
    public async Task The_event_stream_of_a_broadcast_that_is_not_sending_is_one_progress_event(string mode)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var id = (await tenant.SendAsync(LifecycleBodies.Body(2, mode, DateTimeOffset.UtcNow.AddDays(3)))).Str("id");

        using var response = await tenant.Http.GetAsync(new Uri($"/v1/broadcasts/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        var only = Assert.Single(await ServerSentEvent.ReadAllAsync(await response.Content.ReadAsStreamAsync(), StreamDeadline));
        Assert.Equal(("progress", mode), (only.Name, only.Data.Str("status")));
    }

    [Fact]
    public async Task A_client_may_keep_ten_event_streams_open_and_the_eleventh_is_429_until_one_closes()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        // One message a minute: the broadcast stays sending, and its streams open, for the whole test.
        var body = LifecycleBodies.Body(3, "drip");
        body["dripRatePerMinute"] = 1;
        var id = (await tenant.SendAsync(body)).Str("id");
        var uri = new Uri($"/v1/broadcasts/{id}/events", UriKind.Relative);
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var stream = await tenant.Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                open.Add(stream);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            }

            using (var refused = await tenant.Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead))
            {
                await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
                Assert.NotNull(refused.Headers.RetryAfter);
            }
            using (var other = await Tenant.CreateAsync(api, 10m))
            using (var theirs = await other.Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead))
            {
                // Another client's limit is its own: it is refused only because the broadcast is not its.
                await theirs.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            }

            open[0].Dispose();
            open.RemoveAt(0);
            // The server sees the close when its next write fails, within a snapshot interval or two.
            open.Add(await Eventually.ReadAsync(() => tenant.Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead), response =>
            {
                var reopened = response.StatusCode == HttpStatusCode.OK;
                if (!reopened)
                {
                    response.Dispose();
                }
                return reopened;
            }, TimeSpan.FromSeconds(20), "a closed stream to give its slot back", r => r.StatusCode.ToString()));
        }
        finally
        {
            open.ForEach(r => r.Dispose());
            (await tenant.Http.PostAsync(new Uri($"/v1/broadcasts/{id}/cancel", UriKind.Relative), null)).Dispose();
        }
    }

    static long Accepted(System.Text.Json.Nodes.JsonNode summary) =>
        new[] { "sent", "delivered", "failed", "expired", "timeout" }.Sum(summary.Long);

    static long Total(System.Text.Json.Nodes.JsonNode summary) =>
        new[] { "pending", "queued", "sent", "delivered", "failed", "expired", "timeout", "invalid", "blocked", "optedOut", "cancelled" }.Sum(summary.Long);
}
