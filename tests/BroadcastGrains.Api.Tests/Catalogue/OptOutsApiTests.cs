using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>API.md "Catalogue": the client's opt-out list, and opted-out recipients becoming <c>opted_out</c> at no cost.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class OptOutsApiTests(CatalogueApiFixture api)
{
    [Theory]
    [InlineData("+12125551234")]
    [InlineData("%2B12125551234")]
    [InlineData("12125551234")]
    public async Task An_opt_out_is_listed_and_removed_by_its_number_with_or_without_an_encoded_plus(string inPath)
    {
        using var client = await Clients.CreateAsync(api, []);
        using var added = await client.Http.PostJsonAsync("/v1/opt-outs", new { phone = "+1 212 555 1234" });
        var entry = await added.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("+12125551234", "api"), (entry.Str("phone"), entry.Str("source")));
        using (var again = await client.Http.PostJsonAsync("/v1/opt-outs", new { phone = "+12125551234" }))
        {
            await again.ReadJsonAsync(HttpStatusCode.OK);
        }
        var list = await client.Http.GetJsonAsync("/v1/opt-outs");
        Assert.Equal(["+12125551234"], list.Arr("items").Select(i => i!.Str("phone")));

        using var removed = await client.Http.DeleteAsync($"/v1/opt-outs/{inPath}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await client.Http.GetJsonAsync("/v1/opt-outs")).Arr("items"));
        using var gone = await client.Http.DeleteAsync($"/v1/opt-outs/{inPath}");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Opted_out_recipients_are_opted_out_and_cost_nothing_and_the_list_pages()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 10);
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12125552000, 5));
        foreach (var phone in numbers.Take(3))
        {
            using var added = await client.Http.PostJsonAsync("/v1/opt-outs", new { phone });
            await added.ReadJsonAsync(HttpStatusCode.Created);
        }
        var firstPage = await client.Http.GetJsonAsync("/v1/opt-outs?limit=2");
        Assert.True(firstPage.Bool("hasMore"));
        var secondPage = await client.Http.GetJsonAsync($"/v1/opt-outs?limit=2&cursor={firstPage.Str("nextCursor")}");
        Assert.Equal(numbers.Take(3), firstPage.Arr("items").Concat(secondPage.Arr("items")).Select(i => i!.Str("phone")));

        using var precheck = await client.Http.PostJsonAsync("/v1/broadcasts/precheck", CreateBodies.Body(numbers).ToJsonString());
        Assert.Equal(3, (await precheck.ReadJsonAsync(HttpStatusCode.OK)).Long("optedOut"));
        var broadcast = await client.SendAsync(CreateBodies.Body(numbers));
        Assert.Equal(5, broadcast.Long("recipientCount"));
        Assert.Equal(2 * 0.01m, broadcast.Dec("estimatedCredits"));
        var done = await client.WaitForStatusAsync(broadcast.Str("id"), "completed");
        Assert.Equal(3, done["drSummary"]!.Long("optedOut"));
        Assert.Equal(2, done["drSummary"]!.Long("delivered"));
        Assert.Equal(2 * 0.01m, done.Dec("spentCredits"));
        var optedOut = await client.RecipientsAsync(broadcast.Str("id"), status: "opted_out");
        Assert.Equal(numbers.Take(3), optedOut.Select(r => r.Str("to")).Order());
        Assert.All(optedOut, r => Assert.Equal(0m, r.Dec("credits")));
    }
}
