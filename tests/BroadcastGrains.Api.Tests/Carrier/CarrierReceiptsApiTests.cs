using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Carrier;

/// <summary><c>POST /v1/carrier/{carrier}/receipts</c>: batched delivery receipts behind <c>X-Carrier-Secret</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class CarrierReceiptsApiTests(ApiFixture api)
{
    const string Path = "/v1/carrier/simulator/receipts";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(ApiFixture.AdminKey)]
    public async Task Without_the_carrier_secret_receipts_are_401_UNAUTHENTICATED(string? secret)
    {
        using var http = api.Anonymous();
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Add("X-Carrier-Secret", secret);
        }

        using var response = await http.PostJsonAsync(Path, new[] { new { carrierMessageId = "x:1", status = "delivered" } });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_client_key_is_not_the_carrier_secret()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m, "*");

        using var response = await tenant.Http.PostJsonAsync(Path, new[] { new { carrierMessageId = "x:1", status = "delivered" } });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Receipts_for_an_unknown_carrier_are_404_NOT_FOUND()
    {
        using var http = Carrier();

        using var response = await http.PostJsonAsync("/v1/carrier/acme-telecom/receipts", new[] { new { carrierMessageId = "x:1", status = "delivered" } });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Ids_this_cluster_never_issued_are_counted_unmatched()
    {
        using var http = Carrier();

        using var response = await http.PostJsonAsync(Path, new[]
        {
            new { carrierMessageId = "not-one-of-ours", status = "delivered" },
            new { carrierMessageId = "12345", status = "failed" },
        });

        var answer = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, answer.Long("accepted"));
        Assert.Equal(2, answer.Long("unmatched"));
    }

    [Fact]
    public async Task An_empty_batch_is_accepted()
    {
        using var http = Carrier();

        using var response = await http.PostRawAsync(Path, "[]");

        var answer = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, answer.Long("accepted"));
        Assert.Equal(0, answer.Long("unmatched"));
    }

    [Theory]
    [InlineData("""[{"carrierMessageId":"x:1"}]""")]
    [InlineData("""[{"carrierMessageId":"x:1","status":"read"}]""")]
    [InlineData("""[{"status":"delivered"}]""")]
    [InlineData("""[{"carrierMessageId":"","status":"delivered"}]""")]
    public async Task A_receipt_without_an_id_or_a_known_status_is_VALIDATION_FAILED(string body)
    {
        using var http = Carrier();

        using var response = await http.PostRawAsync(Path, body);

        await response.AssertValidationAsync("[0]");
    }

    [Theory]
    [InlineData("""[{"carrierMessageId":"x:1","status":"delivered"}""")]
    [InlineData("""{"carrierMessageId":"x:1","status":"delivered"}""")]
    public async Task A_body_that_is_not_a_JSON_array_of_receipts_is_INVALID_JSON(string body)
    {
        using var http = Carrier();

        using var response = await http.PostRawAsync(Path, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Fact]
    public async Task A_late_receipt_for_a_final_recipient_is_accepted_and_changes_nothing()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var id = (await tenant.SendAsync(CreateBodies.Body("+12125551234", "+12125550001"))).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed");
        var recipients = (await tenant.RecipientsAsync(id)).ToDictionary(r => r.Str("to"));
        var delivered = recipients["+12125551234"].Str("carrierMessageId");
        var failed = recipients["+12125550001"].Str("carrierMessageId");
        var wallet = await tenant.WalletAsync();
        using var http = Carrier();
        var body = new JsonArray(
            new JsonObject { ["carrierMessageId"] = delivered, ["status"] = "failed", ["error"] = "late", ["at"] = DateTimeOffset.UtcNow.ToString("O") },
            new JsonObject { ["carrierMessageId"] = failed, ["status"] = "delivered" },
            new JsonObject { ["carrierMessageId"] = "garbage", ["status"] = "delivered" });

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await http.PostJsonAsync(Path, body.ToJsonString());

            var answer = await response.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, answer.Long("accepted"));
            Assert.Equal(1, answer.Long("unmatched"));
        }

        var after = (await tenant.RecipientsAsync(id)).ToDictionary(r => r.Str("to"));
        Assert.Equal("delivered", after["+12125551234"].Str("status"));
        Assert.Null(after["+12125551234"]["error"]);
        Assert.Equal("failed", after["+12125550001"].Str("status"));
        var broadcast = await tenant.BroadcastAsync(id);
        Assert.Equal(done["drSummary"]!.ToJsonString(), broadcast["drSummary"]!.ToJsonString());
        Assert.Equal(done.Dec("spentCredits"), broadcast.Dec("spentCredits"));
        Assert.Equal(wallet.ToJsonString(), (await tenant.WalletAsync()).ToJsonString());
    }

    HttpClient Carrier()
    {
        var http = api.Anonymous();
        http.DefaultRequestHeaders.Add("X-Carrier-Secret", ApiFixture.CarrierSecret);
        return http;
    }
}
