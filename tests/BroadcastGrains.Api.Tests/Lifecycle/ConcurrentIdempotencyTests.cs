using System.Net;
using System.Text;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>
/// <c>Idempotency-Key</c> when the retries race: a client whose first request timed out on its side sends it again
/// while the server is still creating the first. (Sequential retries are in <c>Broadcasts/IdempotencyKeyTests</c>.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentIdempotencyTests(ApiFixture api)
{
    const int Racers = 5;

    [Fact]
    public async Task Concurrent_requests_with_one_Idempotency_Key_and_body_create_one_broadcast_with_one_hold()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = LifecycleBodies.Body(50).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => tenant.Http.SendAsync(Create(body, "checkout-7"))));

        try
        {
            var ids = new List<string>();
            foreach (var response in responses)
            {
                ids.Add((await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id"));
            }
            var id = Assert.Single(ids.Distinct());
            var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");
            Assert.Equal([id], list.Arr("items").Select(b => b!.Str("id")));
            var done = await tenant.WaitForStatusAsync(id, "completed");
            Assert.Equal(50, done["drSummary"]!.Long("delivered"));
            var hold = Assert.Single(await tenant.LedgerAsync(), e => e.Str("kind") == "hold");
            Assert.Equal(done.Dec("estimatedCredits"), hold.Dec("heldDelta"));
            Assert.Equal(10m - done.Dec("spentCredits"), (await tenant.WalletAsync()).Dec("balance"));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_racing_request_with_the_same_key_and_another_body_is_refused_and_only_one_broadcast_exists()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);

        var responses = await Task.WhenAll(
            tenant.Http.SendAsync(Create(LifecycleBodies.Body(5).ToJsonString(), "checkout-8")),
            tenant.Http.SendAsync(Create(LifecycleBodies.Body(6).ToJsonString(), "checkout-8")));

        try
        {
            var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            await Assert.Single(responses, r => r != created).AssertProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
            var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
            var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");
            Assert.Equal([id], list.Arr("items").Select(b => b!.Str("id")));
            Assert.Single(await tenant.LedgerAsync(), e => e.Str("kind") == "hold");
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    static HttpRequestMessage Create(string body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/broadcasts", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}
