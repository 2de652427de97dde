using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Bench.Hosting;

/// <summary>
/// The benchmark's tenant on one silo, made the way an operator makes one: a client (with a rate limit that polling
/// cannot reach), an API key, credits, and a sender the client registers and the operator approves.
/// </summary>
internal sealed class BenchApi : IDisposable
{
    public const string SenderName = "BenchCo";
    const string JsonType = "application/json";

    readonly HttpClient _http;
    readonly string _carrierSecret;

    BenchApi(HttpClient http, string carrierSecret)
    {
        _http = http;
        _carrierSecret = carrierSecret;
    }

    public static async Task<BenchApi> CreateAsync(Uri address, string adminKey, string carrierSecret, decimal credits)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(15),
        };
        var admin = new AuthenticationHeaderValue("Bearer", adminKey);
        var client = await SendAsync(http, HttpMethod.Post, "/v1/admin/clients", admin,
            new JsonObject { ["name"] = "Bench", ["rateLimit"] = new JsonObject { ["requests"] = 1_000_000, ["perSeconds"] = 1 } },
            HttpStatusCode.Created);
        var clientId = client["id"]!.GetValue<string>();
        var key = await SendAsync(http, HttpMethod.Post, $"/v1/admin/clients/{clientId}/api-keys", admin,
            new JsonObject { ["name"] = "bench", ["scopes"] = new JsonArray("sms:send", "sms:read", "wallet:read") },
            HttpStatusCode.Created);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key["key"]!.GetValue<string>());
        await SendAsync(http, HttpMethod.Post, $"/v1/admin/clients/{clientId}/credits", admin,
            new JsonObject { ["amount"] = credits, ["reference"] = "bench-opening" }, HttpStatusCode.OK);
        // A name is approved for one client at a time, and each run makes a new client on a silo that may keep the last
        // run's: the operator shares the bench's name (201 the first time, 200 after).
        await SendAsync(http, HttpMethod.Post, "/v1/admin/shared-senders", admin, new JsonObject { ["name"] = SenderName },
            HttpStatusCode.Created, HttpStatusCode.OK);
        return new BenchApi(http, carrierSecret);
    }

    /// <summary>POSTs a create body; answers the broadcast object (201, or 200 for a dry run) and the time to the answer.</summary>
    public async Task<(JsonNode Broadcast, TimeSpan Elapsed)> CreateBroadcastAsync(byte[] body, bool dryRun = false)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonType);
        var clock = Stopwatch.StartNew();
        using var response = await _http.PostAsync(new Uri("/v1/broadcasts", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        Expect(response, text, dryRun ? HttpStatusCode.OK : HttpStatusCode.Created);
        return (JsonNode.Parse(text)!, elapsed);
    }

    public async Task<JsonNode> GetBroadcastAsync(string id)
    {
        using var response = await _http.GetAsync(new Uri($"/v1/broadcasts/{id}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Expect(response, text, HttpStatusCode.OK);
        return JsonNode.Parse(text)!;
    }

    /// <summary>One page of recipients; answers the page and the time from request to the whole body read.</summary>
    public async Task<(JsonNode Page, TimeSpan Elapsed)> RecipientsAsync(string id, string? cursor, int limit)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/v1/broadcasts/{id}/recipients?limit={limit}")
            + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        var text = Encoding.UTF8.GetString(bytes);
        Expect(response, text, HttpStatusCode.OK);
        return (JsonNode.Parse(text)!, elapsed);
    }

    /// <summary>POSTs one batch of receipts as the simulator carrier; answers how many the cluster matched.</summary>
    public async Task<int> PostReceiptsAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/carrier/simulator/receipts", UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonType);
        request.Headers.Add("X-Carrier-Secret", _carrierSecret);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Expect(response, text, HttpStatusCode.OK);
        return JsonNode.Parse(text)!["accepted"]!.GetValue<int>();
    }

    public void Dispose() => _http.Dispose();

    static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, AuthenticationHeaderValue? auth,
        JsonNode? body, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (auth is not null)
        {
            request.Headers.Authorization = auth;
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonType);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Expect(response, text, expected);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    static void Expect(HttpResponseMessage response, string text, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: "
                + text[..Math.Min(text.Length, 2000)]);
        }
    }
}
