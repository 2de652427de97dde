using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>API.md "Catalogue": contact lists filled from CSV or JSON, de-duplicated, invalid rows counted, used by <c>listIds</c>.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class ContactListCsvTests(CatalogueApiFixture api)
{
    const int Unique = 95_000;
    const int Duplicates = 3_000;
    const int Invalid = 2_000;

    [Fact]
    public async Task A_CSV_of_100000_rows_counts_exactly_and_a_broadcast_from_the_list_reaches_every_contact()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 2_000);
        var listId = await CreateListAsync(client, "customers");
        var numbers = CreateBodies.ValidNumbers(14155550000, Unique + 5);
        var csv = new StringBuilder("phone,first_name\n");
        for (var i = 0; i < Unique; i++)
        {
            csv.Append('+').Append(numbers[i].ToString(CultureInfo.InvariantCulture)).Append(",Ann").Append(i % 10).Append('\n');
        }
        for (var i = 0; i < Duplicates; i++)
        {
            // The same number again, in another spelling: national form with spaces is not E.164, so give "+1 …" text.
            var n = numbers[i * 7].ToString(CultureInfo.InvariantCulture);
            csv.Append("\"+").Append(n[..1]).Append(' ').Append(n[1..]).Append("\",Dup\n");
        }
        for (var i = 0; i < Invalid; i++)
        {
            csv.Append(i % 2 == 0 ? "not a number" : "+1234").Append(",Nobody\n");
        }

        using var uploaded = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{listId}/contacts", csv.ToString());

        var counts = await uploaded.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Unique, counts.Long("added"));
        Assert.Equal(0, counts.Long("updated"));
        Assert.Equal(Invalid, counts.Long("invalid"));
        Assert.Equal(Duplicates, counts.Long("duplicates"));
        Assert.Equal(Unique, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));

        // A JSON upload: ten contacts it has (updated) and five new ones (added).
        var more = numbers.Take(10).Concat(numbers.Skip(Unique)).Select(n => new JsonObject
        {
            ["phone"] = CreateBodies.E164(n), ["variables"] = new JsonObject { ["first_name"] = "Bo" },
        });
        using var json = await client.Http.PostJsonAsync($"/v1/contact-lists/{listId}/contacts", new JsonArray([.. more]).ToJsonString());
        var second = await json.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((5, 10, 0, 0), (second.Long("added"), second.Long("updated"), second.Long("invalid"), second.Long("duplicates")));

        var body = new JsonObject
        {
            ["name"] = "To the list", ["from"] = "MyShop", ["body"] = "Hi {{first_name}}", ["listIds"] = new JsonArray(listId, listId),
        };
        var broadcast = await client.SendAsync(body);
        Assert.Equal(Unique + 5, broadcast.Long("recipientCount"));
        var done = await client.WaitForStatusAsync(broadcast.Str("id"), "completed", TimeSpan.FromSeconds(120));
        Assert.Equal(Unique + 5, done["drSummary"]!.Long("delivered"));
    }

    [Fact]
    public async Task Lists_are_merged_without_duplicates_and_unknown_lists_are_404_LIST_NOT_FOUND()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 10);
        var a = await CreateListAsync(client, "a");
        var b = await CreateListAsync(client, "b");
        using (var up = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{a}/contacts", "phone\n+12125551234\n+12125551235\n"))
        {
            await up.ReadJsonAsync(HttpStatusCode.OK);
        }
        using (var up = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{b}/contacts", "Phone\n+12125551235\n+12125551236\n"))
        {
            await up.ReadJsonAsync(HttpStatusCode.OK);
        }
        using (var unknown = await client.Http.PostJsonAsync("/v1/broadcasts", new
        {
            name = "x", from = "MyShop", body = "hi", listIds = new[] { a, "lst_aaaaaaaaaaaaaaaa" },
        }))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "LIST_NOT_FOUND");
        }
        using (var noPhone = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{a}/contacts", "mobile\n+12125551237\n"))
        {
            await noPhone.AssertValidationAsync("phone");
        }
        await client.AssertNothingHappenedAsync(10);

        var merged = await client.SendAsync(new JsonObject
        {
            ["name"] = "both", ["from"] = "MyShop", ["body"] = "hi", ["listIds"] = new JsonArray(a, b),
        });
        Assert.Equal(3, merged.Long("recipientCount"));
        Assert.Equal(1, merged.Long("duplicateCount"));
    }

    static async Task<string> CreateListAsync(Tenant client, string name)
    {
        using var response = await client.Http.PostJsonAsync("/v1/contact-lists", new { name });
        var list = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, list.Long("contactCount"));
        return list.Str("id");
    }
}
