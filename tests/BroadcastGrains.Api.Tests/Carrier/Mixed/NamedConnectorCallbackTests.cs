using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Carrier.Mixed;

/// <summary>
/// API.md "Carrier callbacks" with several connectors: <c>/v1/carrier/{carrier}/receipts</c> and <c>…/inbound</c>
/// answer for every configured connector by name, not only the first one; a name no connector has is 404, and only
/// once the secret was checked (an unauthenticated caller learns no connector names).
/// </summary>
[Collection(HttpAndSmppApiCollection.Name)]
public sealed class NamedConnectorCallbackTests(HttpAndSmppApiFixture api)
{
    [Fact]
    public async Task The_second_connector_takes_receipts_by_its_name()
    {
        using var carrier = Carrier();

        using var response = await carrier.PostJsonAsync($"/v1/carrier/{HttpAndSmppApiFixture.SmppConnector}/receipts",
            new[] { new { carrierMessageId = "not-one-of-ours", status = "delivered" } });

        var answer = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1), (answer.Long("accepted"), answer.Long("unmatched")));
    }

    [Fact]
    public async Task The_second_connector_takes_inbound_messages_by_its_name()
    {
        using var carrier = Carrier();

        using var response = await carrier.PostJsonAsync($"/v1/carrier/{HttpAndSmppApiFixture.SmppConnector}/inbound",
            new { from = "+256772123456", to = "NoSuchSender", text = "hello", at = DateTimeOffset.UtcNow });

        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("receipts")]
    [InlineData("inbound")]
    public async Task A_name_no_connector_has_is_404_after_the_secret_check(string endpoint)
    {
        using var carrier = Carrier();
        using var anonymous = api.Anonymous();
        var path = $"/v1/carrier/simulator/{endpoint}";
        object body = endpoint == "receipts"
            ? new[] { new { carrierMessageId = "x:1", status = "delivered" } }
            : new { from = "+256772123456", to = "MyShop", text = "hello" };

        using var unknown = await carrier.PostJsonAsync(path, body);
        using var unauthenticated = await anonymous.PostJsonAsync(path, body);

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await unauthenticated.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    HttpClient Carrier()
    {
        var http = api.Anonymous();
        http.DefaultRequestHeaders.Add("X-Carrier-Secret", ApiFixture.CarrierSecret);
        return http;
    }
}
