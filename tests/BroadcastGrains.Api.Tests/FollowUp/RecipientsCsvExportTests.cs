using System.Net;
using System.Net.Http.Headers;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.FollowUp;

/// <summary><c>GET /v1/broadcasts/{id}/recipients</c> with <c>Accept: text/csv</c> (API.md).</summary>
[Collection(ApiCollection.Name)]
public sealed class RecipientsCsvExportTests(ApiFixture api)
{
    [Fact]
    public async Task The_export_has_every_recipient_under_the_page_fields_and_honours_the_status_filter()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 30));
        // A text with a comma and a quote proves the quoting; +…0001 fails at the simulator.
        const string awkward = "bad, \"one\"";
        var created = await tenant.SendAsync(CreateBodies.Body([.. numbers, "+12125550001", awkward]));
        var id = created.Str("id");
        await tenant.WaitForStatusAsync(id, "completed");
        var page = await tenant.Http.GetJsonAsync($"/v1/broadcasts/{id}/recipients?limit=1");

        var all = await ExportAsync(tenant, $"/v1/broadcasts/{id}/recipients");
        var failed = await ExportAsync(tenant, $"/v1/broadcasts/{id}/recipients?status=failed");

        var fields = page.Arr("items")[0]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(string.Join(',', fields), all[0]);
        Assert.Equal(numbers.Length + 3, all.Count);
        Assert.Equal(numbers.Append("+12125550001").Order(StringComparer.Ordinal),
            all.Skip(1).Where(l => l.StartsWith('+')).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
        Assert.Contains(all, l => l.StartsWith("\"bad, \"\"one\"\"\",invalid,", StringComparison.Ordinal));
        Assert.Equal(2, failed.Count);
        Assert.StartsWith("+12125550001,failed,1,", failed[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_broadcast_answers_404_rather_than_an_empty_file()
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/broadcasts/bc_doesnotexist00000000/recipients");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await tenant.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    static async Task<List<string>> ExportAsync(Tenant tenant, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await tenant.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return [.. text.Split("\r\n")[..^1]];
    }
}
