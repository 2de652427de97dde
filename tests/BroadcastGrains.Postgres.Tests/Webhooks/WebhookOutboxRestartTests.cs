using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Postgres.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Postgres.Tests.Webhooks;

/// <summary>Issue 6: a webhook event the endpoint has not accepted survives a silo restart and is delivered after it.</summary>
[Collection(ClockBoundCollection.Name)]
public sealed class WebhookOutboxRestartTests(PostgresFixture postgres)
{
    static readonly Dictionary<string, string> Settings = new()
    {
        // A test receiver on loopback (not allowed by default on PostgreSQL), and retries a second apart.
        ["Broadcast__Webhooks__AllowPrivateTargets"] = "true",
        ["Broadcast__Webhooks__FirstRetrySeconds"] = "1",
        ["Broadcast__Webhooks__MaxBackoffSeconds"] = "2",
    };

    [Fact]
    public async Task An_undelivered_event_is_delivered_after_the_silo_restarts()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("webhooks");
        var endpoints = SiloEndpoints.Fresh();
        var received = new ConcurrentQueue<string>();
        var accept = false;
        await using var receiver = await StartReceiverAsync(received, () => accept);

        await using (var silo = await SiloProcess.StartAsync(endpoints, database, Settings))
        {
            using var admin = silo.Http(SiloProcess.AdminKey);
            var client = await PostAsync(admin, "/v1/admin/clients", new { name = "Hooked", webhookUrl = receiver.Url, webhookSecret = "s" });
            var clientId = client["id"]!.GetValue<string>();
            var key = (await PostAsync(admin, $"/v1/admin/clients/{clientId}/api-keys", new { scopes = new[] { "*" } }))["key"]!.GetValue<string>();
            using var http = silo.Http(key);
            await PostAsync(http, "/v1/opt-outs", new { phone = "+12125551234" });
            await Eventually.ReadAsync(() => Task.FromResult(received.Count), n => n >= 2, "two refused attempts");
            Assert.Equal(0, await silo.StopAsync());
        }

        accept = true;
        var attemptsBefore = received.Count;
        await using var restarted = await SiloProcess.StartAsync(endpoints, database, Settings);

        // Nobody calls the API: the outbox's reminder brings it back and it delivers.
        await Eventually.ReadAsync(() => Task.FromResult(received.Count), n => n > attemptsBefore, "the event after the restart",
            TimeSpan.FromSeconds(100));
        var bodies = received.Select(b => JsonNode.Parse(b)!).ToList();
        Assert.All(bodies, b => Assert.Equal("contact.opted_out", b["type"]!.GetValue<string>()));
        Assert.Single(bodies.Select(b => b["id"]!.GetValue<string>()).Distinct());
    }

    static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, JsonSerializerOptions.Web);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    static async Task<Receiver> StartReceiverAsync(ConcurrentQueue<string> received, Func<bool> accept)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue(await reader.ReadToEndAsync());
            return Results.StatusCode(accept() ? 200 : 503);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Receiver(app, address + "/hooks");
    }

    sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
