using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Ui.Tests.Hosting;

/// <summary>A client with a key, credits and an approved sender, made through the operator API.</summary>
internal sealed record Tenant(string ClientId, string Key)
{
    public const string Sender = "MyShop";

    public static async Task<Tenant> CreateAsync(Uri silo, string adminKey, decimal credits)
    {
        using var admin = new HttpClient { BaseAddress = silo };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var client = await PostAsync(admin, "/v1/admin/clients", new { name = "Live page shop" });
        var id = client["id"]!.GetValue<string>();
        var key = await PostAsync(admin, $"/v1/admin/clients/{id}/api-keys", new { name = "ui", scopes = new[] { "sms:send", "sms:read" } });
        await PostAsync(admin, $"/v1/admin/clients/{id}/credits", new { amount = credits, reference = "ui-tests" });
        // Silos with sender approval need the sender shared (a name is approved for one client at a time, and every
        // tenant here sends from it); older ones take any well-formed name.
        using var sender = await admin.PostAsJsonAsync(new Uri("/v1/admin/shared-senders", UriKind.Relative), new { name = Sender });
        return new Tenant(id, key["key"]!.GetValue<string>());
    }

    public async Task<JsonNode> SendAsync(Uri silo, string name, IEnumerable<string> recipients)
    {
        using var http = new HttpClient { BaseAddress = silo };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return await PostAsync(http, "/v1/broadcasts", new { name, from = Sender, body = "Spring sale: 20% off today", recipients });
    }

    static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
