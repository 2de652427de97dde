using System.Net.Http.Json;
using System.Text.Json;

namespace BroadcastGrains.Smpp.Tests.Smsc;

/// <summary>The test SMSC's HTTP control channel: counters, reassembled messages, behaviour switches, inbound messages.</summary>
public sealed class SmscControl(int port) : IDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

    public async Task<SmscStats> StatsAsync(string systemId) =>
        (await _http.GetFromJsonAsync<SmscStats>($"stats?systemId={Uri.EscapeDataString(systemId)}", Json))!;

    public async Task<IReadOnlyList<SmscMessage>> MessagesAsync(string systemId, string destination) =>
        (await _http.GetFromJsonAsync<List<SmscMessage>>(
            $"messages?systemId={Uri.EscapeDataString(systemId)}&dest={Uri.EscapeDataString(destination)}", Json))!;

    /// <summary>Changes an account's behaviour: receiptDelayMs, throttleNext, queueFullNext, maxPerSecond, dropAfterSubmits, …</summary>
    public Task ConfigureAsync(string systemId, IReadOnlyDictionary<string, object> settings) =>
        PostAsync("config", new Dictionary<string, object>(settings) { ["systemId"] = systemId });

    /// <summary>Resets every connection of the account at once.</summary>
    public Task DropAsync(string systemId) => PostAsync("drop", new Dictionary<string, object> { ["systemId"] = systemId });

    /// <summary>Sends a mobile-originated message to a bound session of the account; false when none is bound.</summary>
    public async Task<bool> InboundAsync(string systemId, string from, string to, string text)
    {
        using var response = await _http.PostAsJsonAsync("inbound",
            new Dictionary<string, object> { ["systemId"] = systemId, ["from"] = from, ["to"] = to, ["text"] = text }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("sent").GetBoolean();
    }

    async Task PostAsync(string path, Dictionary<string, object> body)
    {
        using var response = await _http.PostAsJsonAsync(path, body, Json);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
