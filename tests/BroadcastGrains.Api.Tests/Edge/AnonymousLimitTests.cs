using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Edge;

/// <summary>API.md "Authentication and tenancy": unauthenticated requests are rate limited per source address.</summary>
[Collection(EdgeApiCollection.Name)]
public sealed class AnonymousLimitTests(EdgeApiFixture api)
{
    [Fact]
    public async Task Failed_requests_from_one_address_get_429_while_valid_keys_from_it_still_pass()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        using var guesser = api.WithBearer("bgk_guessing");
        for (var i = 0; i < EdgeApiFixture.AnonymousBurst; i++)
        {
            using var refused = await guesser.GetAsync("/v1/wallet");
            await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        }

        using var limited = await guesser.GetAsync("/v1/wallet");
        using var nobody = api.Anonymous();
        using var anonymous = await nobody.GetAsync("/v1/broadcasts");
        using var keyed = await tenant.Http.GetAsync("/v1/wallet");
        using var carrier = api.Anonymous();
        carrier.DefaultRequestHeaders.Add("X-Carrier-Secret", ApiFixture.CarrierSecret);
        using var receipts = await carrier.PostJsonAsync("/v1/carrier/simulator/receipts", Array.Empty<object>());

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        await anonymous.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, receipts.StatusCode);
    }
}
