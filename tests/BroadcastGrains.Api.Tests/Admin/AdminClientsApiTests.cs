using System.Net;
using System.Text;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary><c>POST /v1/admin/clients</c> and <c>GET /v1/admin/clients/{id}</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdminClientsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Creating_a_client_answers_201_with_its_id_and_the_documented_defaults()
    {
        using var admin = api.Operator();

        using var response = await admin.PostJsonAsync("/v1/admin/clients", new { name = "Acme" });

        var client = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = client.Str("id");
        Assert.Equal($"/v1/admin/clients/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Acme", client.Str("name"));
        Assert.Equal(1000, client["rateLimit"]!.Long("requests"));
        Assert.Equal(60, client["rateLimit"]!.Long("perSeconds"));
        Assert.False(client.Bool("refundFailed"));
        Assert.Null(client["approvalThresholds"]);
        Assert.Null(client["dailyQuota"]);

        var read = await admin.GetJsonAsync($"/v1/admin/clients/{id}");
        Assert.Equal(id, read.Str("id"));
        Assert.Equal("Acme", read.Str("name"));
    }

    [Fact]
    public async Task A_client_keeps_the_policies_it_was_created_with()
    {
        using var admin = api.Operator();

        using var response = await admin.PostJsonAsync("/v1/admin/clients", new
        {
            name = "Globex",
            approvalThresholds = new { recipients = 1000, credits = 25.5m },
            rateLimit = new { requests = 10, perSeconds = 1 },
            dailyQuota = 5000,
            refundFailed = true,
        });

        var id = (await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        var client = await admin.GetJsonAsync($"/v1/admin/clients/{id}");
        Assert.Equal(1000, client["approvalThresholds"]!.Long("recipients"));
        Assert.Equal(25.5m, client["approvalThresholds"]!.Dec("credits"));
        Assert.Equal(10, client["rateLimit"]!.Long("requests"));
        Assert.Equal(5000, client.Long("dailyQuota"));
        Assert.True(client.Bool("refundFailed"));
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"x","rateLimit":{"requests":0,"perSeconds":60}}""", "rateLimit")]
    [InlineData("""{"name":"x","dailyQuota":0}""", "dailyQuota")]
    [InlineData("""{"name":"x","webhookUrl":"ftp://example.com/hook"}""", "webhookUrl")]
    [InlineData("""{"name":"x","approvalThresholds":{"recipients":-1,"credits":null}}""", "approvalThresholds")]
    public async Task An_invalid_client_is_VALIDATION_FAILED_naming_the_field(string body, string field)
    {
        using var admin = api.Operator();

        using var response = await admin.PostRawAsync("/v1/admin/clients", body);

        await response.AssertValidationAsync(field);
    }

    [Fact]
    public async Task A_name_over_200_characters_is_VALIDATION_FAILED()
    {
        using var admin = api.Operator();

        using var response = await admin.PostJsonAsync("/v1/admin/clients", new { name = new string('n', 201) });

        await response.AssertValidationAsync("name");
    }

    [Theory]
    [InlineData("""{"name":""")]
    [InlineData("""["Acme"]""")]
    [InlineData("""{"name":5}""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_client_object_is_INVALID_JSON(string body)
    {
        using var admin = api.Operator();

        using var response = await admin.PostRawAsync("/v1/admin/clients", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413_PAYLOAD_TOO_LARGE()
    {
        using var admin = api.Operator();
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{new string('n', 1024 * 1024)}}"}""");

        using var response = await admin.SendRawAsync(HttpMethod.Post, "/v1/admin/clients", body, expectContinue: true);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task An_unknown_client_is_404_NOT_FOUND()
    {
        using var admin = api.Operator();

        using var response = await admin.GetAsync("/v1/admin/clients/cl_doesnotexist");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task The_webhook_secret_is_write_only_answers_say_only_that_one_is_set()
    {
        const string secret = "whsec-the-operator-typed-this-once";
        using var admin = api.Operator();

        using var created = await admin.PostJsonAsync("/v1/admin/clients",
            new { name = "Hooked", webhookUrl = "https://hooks.example.com/in", webhookSecret = secret });
        var createdText = await created.Content.ReadAsStringAsync();
        var client = await created.ReadJsonAsync(HttpStatusCode.Created);
        using var read = await admin.GetAsync($"/v1/admin/clients/{client.Str("id")}");
        var readText = await read.Content.ReadAsStringAsync();
        using var plain = await admin.PostJsonAsync("/v1/admin/clients", new { name = "Plain" });
        var withoutSecret = await plain.ReadJsonAsync(HttpStatusCode.Created);

        Assert.DoesNotContain(secret, createdText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, readText, StringComparison.Ordinal);
        Assert.DoesNotContain("webhookSecret", readText, StringComparison.Ordinal);
        Assert.True(client.Bool("hasWebhookSecret"));
        Assert.False(withoutSecret.Bool("hasWebhookSecret"));
    }
}
