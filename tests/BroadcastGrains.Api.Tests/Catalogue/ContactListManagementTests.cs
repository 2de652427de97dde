using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Lifecycle;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>
/// Issue 19 item 3: a client lists its contact lists, renames and deletes them, reads a list's contacts page by page,
/// removes one contact; an upload is all or nothing, and a list takes at most 50 variable names across its uploads.
/// </summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class ContactListManagementTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task Lists_are_listed_renamed_read_page_by_page_have_a_contact_removed_and_are_deleted()
    {
        using var client = await Clients.CreateAsync(api, []);
        using var other = await Clients.CreateAsync(api, []);
        var ids = new List<string>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            ids.Add(await ContactListKit.CreateAsync(client, name));
        }
        var numbers = CreateBodies.ValidNumbers(13125550000, 250);
        await ContactListKit.UploadCsvAsync(client, ids[0], ContactListKit.Csv(numbers, "first_name", i => "Ann" + i));

        var firstPage = await client.Http.GetJsonAsync("/v1/contact-lists?limit=2");
        Assert.Equal((2, true), (firstPage.Arr("items").Count, firstPage.Bool("hasMore")));
        var secondPage = await client.Http.GetJsonAsync($"/v1/contact-lists?limit=2&cursor={firstPage.Str("nextCursor")}");
        Assert.False(secondPage.Bool("hasMore"));
        var listed = firstPage.Arr("items").Concat(secondPage.Arr("items")).ToList();
        Assert.Equal(ids, listed.Select(l => l!.Str("id")));
        Assert.Equal(250, listed[0]!.Long("contactCount"));
        Assert.Empty((await other.Http.GetJsonAsync("/v1/contact-lists")).Arr("items"));

        using (var renamed = await client.Http.SendJsonAsync(HttpMethod.Patch, $"/v1/contact-lists/{ids[0]}", new { name = "customers" }))
        {
            Assert.Equal("customers", (await renamed.ReadJsonAsync(HttpStatusCode.OK)).Str("name"));
        }
        using (var foreign = await other.Http.SendJsonAsync(HttpMethod.Patch, $"/v1/contact-lists/{ids[0]}", new { name = "mine" }))
        {
            await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "LIST_NOT_FOUND");
        }
        Assert.Equal("customers", (await client.Http.GetJsonAsync($"/v1/contact-lists/{ids[0]}")).Str("name"));

        var contacts = await ContactListKit.ReadContactsAsync(client, ids[0], pageSize: 40);
        Assert.Equal(numbers.Select(n => CreateBodies.E164(n)).Order(StringComparer.Ordinal), contacts.Keys.Order(StringComparer.Ordinal));
        var removed = CreateBodies.E164(numbers[7]);
        Assert.Equal("Ann7", contacts[removed]["variables"]!.Str("first_name"));
        Assert.True(DateTimeOffset.UtcNow - contacts[removed].Time("addedAt")!.Value < TimeSpan.FromMinutes(5));

        using (var gone = await client.Http.DeleteAsync($"/v1/contact-lists/{ids[0]}/contacts/{Uri.EscapeDataString(removed)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        }
        using (var again = await client.Http.DeleteAsync($"/v1/contact-lists/{ids[0]}/contacts/{removed}"))
        {
            await again.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }
        var left = await ContactListKit.ReadContactsAsync(client, ids[0], pageSize: 1000);
        Assert.Equal(249, left.Count);
        Assert.DoesNotContain(removed, left.Keys);
        Assert.Equal("Ann8", left[CreateBodies.E164(numbers[8])]["variables"]!.Str("first_name"));
        Assert.Equal(249, (await client.Http.GetJsonAsync($"/v1/contact-lists/{ids[0]}")).Long("contactCount"));

        using (var foreign = await other.Http.DeleteAsync($"/v1/contact-lists/{ids[1]}"))
        {
            await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "LIST_NOT_FOUND");
        }
        using (var deleted = await client.Http.DeleteAsync($"/v1/contact-lists/{ids[0]}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using (var read = await client.Http.GetAsync($"/v1/contact-lists/{ids[0]}"))
        {
            await read.AssertProblemAsync(HttpStatusCode.NotFound, "LIST_NOT_FOUND");
        }
        Assert.Equal(ids[1..], (await client.Http.GetJsonAsync("/v1/contact-lists")).Arr("items").Select(l => l!.Str("id")));
    }

    [Fact]
    public async Task An_upload_refused_after_its_first_hundred_thousand_rows_changes_no_contact()
    {
        using var client = await Clients.CreateAsync(api, []);
        var listId = await ContactListKit.CreateAsync(client, "all or nothing");
        var numbers = CreateBodies.ValidNumbers(16175550000, 100_010);
        await ContactListKit.UploadCsvAsync(client, listId, ContactListKit.Csv(numbers[..3], "first_name", _ => "Ann"));

        // The first 100,000 rows make a whole batch of the reader; the refusal comes after it.
        var json = new StringBuilder("[");
        for (var i = 0; i < 100_005; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{{\"phone\":\"+{numbers[i]}\",\"variables\":{{\"first_name\":\"Bo\"}}}},");
        }
        json.Append("null]");
        using (var refused = await client.Http.PostRawAsync($"/v1/contact-lists/{listId}/contacts", json.ToString()))
        {
            await refused.AssertValidationAsync("body");
        }

        Assert.Equal(3, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));
        var contacts = await ContactListKit.ReadContactsAsync(client, listId, pageSize: 100);
        Assert.Equal(3, contacts.Count);
        Assert.All(contacts.Values, c => Assert.Equal("Ann", c["variables"]!.Str("first_name")));
    }

    [Fact]
    public async Task A_list_takes_at_most_fifty_variable_names_across_its_uploads_and_a_refused_upload_adds_nothing()
    {
        using var client = await Clients.CreateAsync(api, []);
        var listId = await ContactListKit.CreateAsync(client, "wide");
        var numbers = CreateBodies.ValidNumbers(16465550000, 4);
        await ContactListKit.UploadCsvAsync(client, listId, WideCsv(numbers[..2], ("a", 30)));

        using (var refused = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{listId}/contacts", WideCsv(numbers[2..], ("b", 21))))
        {
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");
        }
        Assert.Equal(2, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));

        // Names it has already do not count again: 30 old and 20 new make 50.
        await ContactListKit.UploadCsvAsync(client, listId, WideCsv(numbers[2..], ("a", 30), ("b", 20)));
        Assert.Equal(4, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));
    }

    static string WideCsv(List<long> numbers, params (string Prefix, int Count)[] columns)
    {
        var csv = new StringBuilder("phone");
        foreach (var (prefix, count) in columns)
        {
            for (var c = 0; c < count; c++)
            {
                csv.Append(CultureInfo.InvariantCulture, $",{prefix}{c}");
            }
        }
        csv.Append('\n');
        var width = columns.Sum(c => c.Count);
        foreach (var number in numbers)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+{number}").Append(string.Concat(Enumerable.Repeat(",v", width))).Append('\n');
        }
        return csv.ToString();
    }
}
