using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>The few API calls these tests make, through any silo of the cluster, as a client or the operator would.</summary>
internal static class Api
{
    /// <summary>The three numbers of the README walkthrough: two delivered, and +…0001, which the simulator always fails.</summary>
    public static readonly string[] Recipients = ["+12125551234", "+447400123456", "+12025550001"];

    /// <summary>A client, a key with every scope and <paramref name="credits"/>, made through <c>/v1/admin</c>.</summary>
    public static async Task<(string ClientId, string Key)> CreateClientAsync(SiloProcess silo, decimal credits)
    {
        using var admin = silo.Http(SiloProcess.AdminKey);
        var client = await PostAsync(silo, admin, "/v1/admin/clients", new { name = "Acme " + Guid.NewGuid().ToString("N")[..6] });
        var clientId = client["id"]!.GetValue<string>();
        var key = await PostAsync(silo, admin, $"/v1/admin/clients/{clientId}/api-keys", new { name = "backend", scopes = new[] { "*" } });
        // A name is approved for one client at a time, and the database outlives a test: every client sends from the
        // operator's shared "MyShop" (201 the first time, 200 after).
        using (var shared = await admin.PostAsJsonAsync(new Uri("/v1/admin/shared-senders", UriKind.Relative), new { name = "MyShop" }))
        {
            Assert.True(shared.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await shared.Content.ReadAsStringAsync());
        }
        await PostAsync(silo, admin, $"/v1/admin/clients/{clientId}/credits", new { amount = credits, reference = "invoice-1" },
            HttpStatusCode.OK);
        return (clientId, key["key"]!.GetValue<string>());
    }

    /// <summary>Sends a small broadcast now; answers its id.</summary>
    public static async Task<string> SendBroadcastAsync(SiloProcess silo, string key)
    {
        using var http = silo.Http(key);
        var created = await PostAsync(silo, http, "/v1/broadcasts",
            new { name = "Hello", from = "MyShop", body = "Hi there", recipients = Recipients });
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Polls the broadcast through <paramref name="silo"/> until it is <c>completed</c>.</summary>
    public static Task<JsonNode> WaitCompletedAsync(SiloProcess silo, string key, string broadcastId) =>
        Eventually.ReadAsync(() => GetAsync(silo, key, $"/v1/broadcasts/{broadcastId}"),
            b => b["status"]?.GetValue<string>() == "completed", $"broadcast {broadcastId} to complete");

    public static async Task<JsonNode> GetAsync(SiloProcess silo, string key, string path)
    {
        using var http = silo.Http(key);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(silo, response, HttpStatusCode.OK);
    }

    /// <summary>
    /// GET that answers null on a server error: while a killed silo is not yet declared dead (~10 s), calls to grains
    /// that lived on it fail, and a client retries.
    /// </summary>
    public static async Task<JsonNode?> TryGetAsync(SiloProcess silo, string key, string path)
    {
        using var http = silo.Http(key);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (int)response.StatusCode >= 500 ? null : await ReadAsync(silo, response, HttpStatusCode.OK);
    }

    static async Task<JsonNode> PostAsync(SiloProcess silo, HttpClient http, string path, object body,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, JsonSerializerOptions.Web);
        return await ReadAsync(silo, response, expected);
    }

    /// <summary>The answer's JSON; an unexpected status fails with the silo's log, where the reason is.</summary>
    static async Task<JsonNode> ReadAsync(SiloProcess silo, HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, "
            + $"got {(int)response.StatusCode}: {text}\n--- silo log ---\n{silo.Log}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The body was JSON null.");
    }
}
