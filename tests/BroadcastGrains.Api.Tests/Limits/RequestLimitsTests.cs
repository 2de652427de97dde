using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Limits;

/// <summary>
/// API.md's size limits on create, precheck and contact uploads: variable names (50), values (500), recipient strings,
/// media URLs and list ids. Each refusal is problem+json with a code and leaves nothing created, held or stored.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestLimitsTests(ApiFixture api)
{
    const decimal Opening = 50m;

    public static TheoryData<string> Endpoints => new() { "/v1/broadcasts", "/v1/broadcasts/precheck" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Eight_thousand_recipients_each_with_its_own_variable_name_are_TOO_MANY_VARIABLES(string path)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var response = await tenant.Http.PostJsonAsync(path, OwnNameEach(8_000).ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");
        Assert.Equal(["variables"], Problems.ErrorFields(problem));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task Fifty_distinct_names_are_taken_and_the_fifty_first_is_refused()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var fifty = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", OwnNameEach(50).ToJsonString());
        using var fiftyOne = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", OwnNameEach(51).ToJsonString());

        Assert.Equal(50, (await fifty.ReadJsonAsync(HttpStatusCode.OK)).Long("totalRecipients"));
        await fiftyOne.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");
    }

    [Fact]
    public async Task One_name_repeated_past_fifty_times_in_one_object_is_TOO_MANY_VARIABLES()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var pairs = string.Join(",", Enumerable.Repeat("\"a\":\"x\"", 51));
        var json = "{\"name\":\"x\",\"from\":\"MyShop\",\"body\":\"hi {{a}}\",\"recipients\":[{\"to\":\"+12125551234\",\"variables\":{"
            + pairs + "}}]}";

        using var response = await tenant.Http.PostRawAsync("/v1/broadcasts", json);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_variable_value_over_500_characters_is_VALIDATION_FAILED(string path)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = WithFirstName(new string('a', 501));

        using var response = await tenant.Http.PostJsonAsync(path, body.ToJsonString());

        await response.AssertValidationAsync("recipients[1].variables.first_name");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_variable_value_of_500_characters_is_taken()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", WithFirstName(new string('a', 500)).ToJsonString());

        Assert.Equal(2, (await response.ReadJsonAsync(HttpStatusCode.OK)).Long("totalRecipients"));
    }

    [Fact]
    public async Task A_recipient_string_over_64_characters_is_VALIDATION_FAILED_naming_it()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body("+12125551234", new string('9', 65));

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertValidationAsync("recipients[1]");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_long_invalid_recipient_within_the_limit_still_becomes_an_invalid_recipient()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body("+12125551234", new string('x', 64));

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        Assert.Equal(1, (await response.ReadJsonAsync(HttpStatusCode.OK)).Long("invalid"));
    }

    [Fact]
    public async Task A_media_URL_over_2048_characters_is_VALIDATION_FAILED()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body("+12125551234");
        body["mediaUrls"] = new JsonArray("https://cdn.example/" + new string('p', 2048));

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertValidationAsync("mediaUrls[0]");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task More_than_twenty_list_ids_are_VALIDATION_FAILED()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body();
        body.Remove("recipients");
        body["listIds"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)$"cl_{i}")]);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertValidationAsync("listIds");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_body_string_of_megabytes_is_refused_without_being_kept()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body("+12125551234");
        body["name"] = new string('n', 3_000_000);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertValidationAsync("name");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_CSV_upload_with_51_variable_columns_is_TOO_MANY_VARIABLES_and_adds_no_contact()
    {
        using var client = await Clients.CreateAsync(api, []);
        var listId = await CreateListAsync(client);
        var header = "phone," + string.Join(",", Enumerable.Range(0, 51).Select(i => $"v{i}"));
        var row = "+12125551234," + string.Join(",", Enumerable.Repeat("x", 51));

        using var response = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{listId}/contacts", $"{header}\n{row}\n");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");
        Assert.Equal(0, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));
    }

    [Fact]
    public async Task A_JSON_upload_naming_a_new_variable_per_contact_is_TOO_MANY_VARIABLES_and_adds_no_contact()
    {
        using var client = await Clients.CreateAsync(api, []);
        var listId = await CreateListAsync(client);
        var contacts = new JsonArray([.. Enumerable.Range(0, 60).Select(i => (JsonNode)new JsonObject
        {
            ["phone"] = CreateBodies.E164(12125550100 + i),
            ["variables"] = new JsonObject { [$"v{i}"] = "x" },
        })]);

        using var response = await client.Http.PostJsonAsync($"/v1/contact-lists/{listId}/contacts", contacts.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");
        Assert.Equal(0, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));
    }

    [Fact]
    public async Task An_uploaded_value_over_500_characters_is_VALIDATION_FAILED_and_adds_no_contact()
    {
        using var client = await Clients.CreateAsync(api, []);
        var listId = await CreateListAsync(client);
        var csv = new StringBuilder("phone,first_name\n+12125551234,Ann\n+12125551235,").Append('a', 501).Append('\n');

        using var response = await LimitsTests.PostCsvAsync(client, $"/v1/contact-lists/{listId}/contacts", csv.ToString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(0, (await client.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));
    }

    /// <summary><paramref name="count"/> recipients, recipient i with variable <c>v{i}</c> only: names grow with recipients.</summary>
    internal static JsonObject OwnNameEach(int count)
    {
        var numbers = CreateBodies.ValidNumbers(12125550000, count);
        var body = CreateBodies.Body();
        body["recipients"] = new JsonArray([.. numbers.Select((n, i) => (JsonNode)new JsonObject
        {
            ["to"] = CreateBodies.E164(n),
            ["variables"] = new JsonObject { [$"v{i}"] = "x" },
        })]);
        return body;
    }

    static JsonObject WithFirstName(string value)
    {
        var body = CreateBodies.Body();
        body["body"] = "Hi {{first_name}}";
        body["recipients"] = new JsonArray(
            new JsonObject { ["to"] = "+12125551234", ["variables"] = new JsonObject { ["first_name"] = "Ann" } },
            new JsonObject { ["to"] = "+12125551235", ["variables"] = new JsonObject { ["first_name"] = value } });
        return body;
    }

    static async Task<string> CreateListAsync(Tenant client)
    {
        using var response = await client.Http.PostJsonAsync("/v1/contact-lists", new { name = "limits" });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
    }
}
