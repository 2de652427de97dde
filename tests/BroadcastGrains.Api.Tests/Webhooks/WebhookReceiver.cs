using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>
/// A client's webhook endpoint on 127.0.0.1 (a tiny Kestrel app): records every POST and answers 500 to the first
/// <see cref="_failFirst"/> of them, 200 after.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly int _failFirst;
    int _attempts;

    WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failFirst = failFirst;
    }

    public string Url { get; private set; } = "";

    /// <summary>Every request: its body, signature header and the status it was answered with.</summary>
    public ConcurrentQueue<(string Body, string? Signature, int Status)> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hooks", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = address + "/hooks";
        return receiver;
    }

    async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var status = Interlocked.Increment(ref _attempts) <= _failFirst ? 500 : 200;
        Requests.Enqueue((body, request.Headers["X-Broadcast-Signature"].ToString(), status));
        return Results.StatusCode(status);
    }

    /// <summary>The accepted (200) events, parsed.</summary>
    public IReadOnlyList<JsonNode> Accepted() =>
        [.. Requests.Where(r => r.Status == 200).Select(r => JsonNode.Parse(r.Body)!)];

    /// <summary>True when <paramref name="signature"/> is <c>t=…,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>, computed here independently.</summary>
    public static bool IsSigned(string secret, string? signature, string body)
    {
        var parts = (signature ?? "").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, out var unix))
        {
            return false;
        }
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
        return v1 == expected && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - unix) < 300;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
