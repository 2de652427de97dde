using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using Xunit.Abstractions;

namespace BroadcastGrains.Api.Tests.Carrier.Twilio;

/// <summary>
/// API.md "HTTP carrier: Twilio-compatible", end to end against the test carrier process: every recipient is one
/// submit (429s retried, never duplicated), completes through the signed status callbacks, and an MMS carries every
/// media URL and is charged as MMS.
/// </summary>
[Collection(TwilioApiCollection.Name)]
public sealed class TwilioSendTests(TwilioApiFixture api, ITestOutputHelper output)
{
    [Fact]
    public async Task Five_thousand_sms_complete_with_exactly_one_submit_per_recipient()
    {
        using var tenant = await Tenant.CreateAsync(api, credits: 100_000);
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(13125550000, 5000));
        var throttledBefore = (await api.Twilio.CountsAsync()).Long("throttled");

        var clock = Stopwatch.StartNew();
        var id = (await tenant.SendAsync(CreateBodies.Body(numbers))).Str("id");
        await Eventually.ReadAsync(() => api.Twilio.TakenAsync(numbers), t => t.Long("taken") >= 5000,
            "the carrier to take all 5,000", TimeSpan.FromMinutes(4));
        var submitted = clock.Elapsed;
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(4));
        clock.Stop();

        var taken = await api.Twilio.TakenAsync(numbers);
        Assert.Equal((5000, 5000, 1), ((int)taken.Long("taken"), (int)taken.Long("reached"), (int)taken.Long("maxPerTo")));
        Assert.Equal(5000, done["drSummary"]!.Long("delivered"));
        // Every 7th request was answered 429: those were tried again, and still nobody got two.
        Assert.True((await api.Twilio.CountsAsync()).Long("throttled") - throttledBefore >= 5000 / 8);
        var recipients = await tenant.RecipientsAsync(id);
        Assert.All(recipients, r => Assert.StartsWith("SM", r!.Str("carrierMessageId"), StringComparison.Ordinal));
        var ceiling = await CarrierCeilingAsync(5000);
        output.WriteLine($"5,000 SMS through the HTTP connector: all taken by the carrier after {submitted.TotalSeconds:F1} s " +
            $"({5000 / submitted.TotalSeconds:F0} submits/s), {clock.Elapsed.TotalSeconds:F1} s to completed " +
            $"({5000 / clock.Elapsed.TotalSeconds:F0} messages/s, callbacks included); the carrier's own ceiling " +
            $"(plain HttpClient, 32 in flight): {ceiling:F0} requests/s");
    }

    [Fact]
    public async Task An_mms_carries_both_media_urls_on_every_request_and_is_charged_as_mms()
    {
        using var tenant = await Tenant.CreateAsync(api, credits: 100_000);
        using var admin = api.Operator();
        var mms = (await admin.GetJsonAsync("/v1/admin/prices")).Dec("mmsPerMessage");
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(13125570000, 300));
        var body = CreateBodies.Body(numbers);
        body["mediaUrls"] = new JsonArray("https://cdn.example.com/a.png", "https://cdn.example.com/b.png");

        var id = (await tenant.SendAsync(body)).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(2));

        var taken = await api.Twilio.TakenAsync(numbers);
        Assert.Equal(300, taken.Long("taken"));
        Assert.Equal(1, taken.Long("maxPerTo"));
        Assert.Equal(300, taken["media"]!["https://cdn.example.com/a.png https://cdn.example.com/b.png"]!.GetValue<int>());
        Assert.Equal(300 * mms, done.Dec("spentCredits"));
        Assert.Equal(300, done["drSummary"]!.Long("delivered"));
    }

    /// <summary>Requests per second the carrier answers to a plain HttpClient, 32 in flight, without callbacks.</summary>
    async Task<double> CarrierCeilingAsync(int requests)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = api.Twilio.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioCarrierProcess.AccountSid}:{TwilioCarrierProcess.AuthToken}")));
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                using var form = new FormUrlEncodedContent([new("To", $"+1999{next:D7}"), new("From", "MyShop"), new("Body", "ceiling")]);
                using var response = await http.PostAsync($"/2010-04-01/Accounts/{TwilioCarrierProcess.AccountSid}/Messages.json", form);
            }
        }));
        return requests / clock.Elapsed.TotalSeconds;
    }
}
