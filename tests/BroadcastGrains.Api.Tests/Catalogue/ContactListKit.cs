using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>Contact lists through the API: create, fill from CSV, read every contact back page by page.</summary>
internal static class ContactListKit
{
    public static async Task<string> CreateAsync(Tenant client, string name)
    {
        using var response = await client.Http.PostJsonAsync("/v1/contact-lists", new { name });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
    }

    /// <summary>A CSV of <paramref name="numbers"/> with one variable column.</summary>
    public static string Csv(IReadOnlyList<long> numbers, string variable, Func<int, string> value)
    {
        var csv = new StringBuilder("phone,").Append(variable).Append('\n');
        for (var i = 0; i < numbers.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+{numbers[i]},{value(i)}\n");
        }
        return csv.ToString();
    }

    public static async Task<JsonNode> UploadCsvAsync(Tenant client, string listId, string csv)
    {
        using var response = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{listId}/contacts", csv);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Every contact of the list by phone, read <paramref name="pageSize"/> at a time; a phone seen twice fails.</summary>
    public static async Task<Dictionary<string, JsonNode>> ReadContactsAsync(Tenant client, string listId, int pageSize)
    {
        var contacts = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var path = $"/v1/contact-lists/{listId}/contacts?limit={pageSize}" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await client.Http.GetJsonAsync(path);
            Assert.True(page.Arr("items").Count <= pageSize);
            foreach (var item in page.Arr("items").Select(i => i!))
            {
                Assert.True(contacts.TryAdd(item.Str("phone"), item), $"{item.Str("phone")} came twice");
            }
            cursor = page.Bool("hasMore") ? page.Str("nextCursor") : null;
        }
        while (cursor is not null);
        return contacts;
    }
}
