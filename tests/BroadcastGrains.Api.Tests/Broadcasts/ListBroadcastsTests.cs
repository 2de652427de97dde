using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary><c>GET /v1/broadcasts</c>: newest first, filtered by status, paged by cursor.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListBroadcastsTests(ApiFixture api)
{
    [Fact]
    public async Task Broadcasts_are_listed_newest_first_and_a_cursor_visits_each_once()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var body = CreateBodies.Body("+12125551234");
            body["name"] = $"run {i}";
            ids.Add((await tenant.SendAsync(body)).Str("id"));
        }

        var first = await tenant.Http.GetJsonAsync("/v1/broadcasts?limit=2");
        var listed = await ListAllAsync(tenant, "limit=2");

        Assert.Equal(2, first.Arr("items").Count);
        Assert.True(first.Bool("hasMore"));
        Assert.Equal(ids.AsEnumerable().Reverse(), listed.Select(b => b.Str("id")));
        Assert.Equal(["run 4", "run 3", "run 2", "run 1", "run 0"], listed.Select(b => b.Str("name")));
    }

    [Fact]
    public async Task The_status_filter_lists_only_broadcasts_in_that_status()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var a = await tenant.SendAsync(CreateBodies.Body("+12125551234"));
        var b = await tenant.SendAsync(CreateBodies.Body("+447400123456"));
        await tenant.WaitForStatusAsync(a.Str("id"), "completed");
        await tenant.WaitForStatusAsync(b.Str("id"), "completed");

        var completed = await ListAllAsync(tenant, "status=completed&limit=1");
        var sending = await tenant.Http.GetJsonAsync("/v1/broadcasts?status=sending");
        var cancelled = await tenant.Http.GetJsonAsync("/v1/broadcasts?status=cancelled");

        Assert.Equal([b.Str("id"), a.Str("id")], completed.Select(x => x.Str("id")));
        Assert.All(completed, x => Assert.Equal("completed", x.Str("status")));
        Assert.Empty(sending.Arr("items"));
        Assert.False(sending.Bool("hasMore"));
        Assert.Empty(cancelled.Arr("items"));
    }

    [Fact]
    public async Task A_client_lists_only_its_own_broadcasts()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        using var other = await Tenant.CreateAsync(api, 10m);
        var mine = await tenant.SendAsync(CreateBodies.Body("+12125551234"));
        await other.SendAsync(CreateBodies.Body("+12125551234"));

        var listed = await ListAllAsync(tenant, "limit=100");

        Assert.Equal([mine.Str("id")], listed.Select(x => x.Str("id")));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=done", "status")]
    [InlineData("status=SENDING", "status")]
    [InlineData("cursor=forged", "cursor")]
    [InlineData("cursor=1-2", "cursor")]
    public async Task A_bad_list_query_is_VALIDATION_FAILED(string query, string field)
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        using var response = await tenant.Http.GetAsync($"/v1/broadcasts?{query}");

        await response.AssertValidationAsync(field);
    }

    static async Task<List<System.Text.Json.Nodes.JsonNode>> ListAllAsync(Tenant tenant, string query)
    {
        var items = new List<System.Text.Json.Nodes.JsonNode>();
        string? cursor = null;
        do
        {
            var page = await tenant.Http.GetJsonAsync($"/v1/broadcasts?{query}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page.Arr("items").Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, page.Bool("hasMore"));
        }
        while (cursor is not null);
        return items;
    }
}
