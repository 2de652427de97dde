using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary><c>Idempotency-Key</c> on <c>POST /v1/broadcasts</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyKeyTests(ApiFixture api)
{
    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_and_body_answers_the_first_broadcast_and_creates_nothing()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var body = CreateBodies.Body("+12125551234", "+447400123456").ToJsonString();

        using var first = await tenant.Http.SendAsync(Create(body, "order-42"));
        var created = await first.ReadJsonAsync(HttpStatusCode.Created);
        using var retry = await tenant.Http.SendAsync(Create(body, "order-42"));
        var retried = await retry.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(created.Str("id"), retried.Str("id"));
        var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");
        Assert.Equal([created.Str("id")], list.Arr("items").Select(b => b!.Str("id")));
        Assert.Single(await tenant.LedgerAsync(), e => e.Str("kind") == "hold");
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_body_is_409_IDEMPOTENCY_KEY_REUSED()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        using var first = await tenant.Http.SendAsync(Create(CreateBodies.Body("+12125551234").ToJsonString(), "order-43"));
        var created = await first.ReadJsonAsync(HttpStatusCode.Created);

        using var other = await tenant.Http.SendAsync(Create(CreateBodies.Body("+447400123456").ToJsonString(), "order-43"));

        await other.AssertProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");
        Assert.Equal([created.Str("id")], list.Arr("items").Select(b => b!.Str("id")));
        Assert.Single(await tenant.LedgerAsync(), e => e.Str("kind") == "hold");
    }

    [Fact]
    public async Task Idempotency_Keys_are_per_client()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        using var other = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body("+12125551234").ToJsonString();

        using var mine = await tenant.Http.SendAsync(Create(body, "shared-key"));
        using var theirs = await other.Http.SendAsync(Create(body, "shared-key"));

        var a = await mine.ReadJsonAsync(HttpStatusCode.Created);
        var b = await theirs.ReadJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(a.Str("id"), b.Str("id"));
        Assert.Equal(other.ClientId, b.Str("clientId"));
    }

    static HttpRequestMessage Create(string body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/broadcasts", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}
