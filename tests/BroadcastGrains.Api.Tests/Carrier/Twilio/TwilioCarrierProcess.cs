using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Api.Tests.Carrier.Twilio;

/// <summary>
/// The test carrier (tests/twilio-carrier/carrier.js, a Twilio-compatible Messages API) as a child process on 127.0.0.1.
/// It exits when its standard input closes, so it dies with the test host; its control endpoints say what it took.
/// </summary>
public sealed class TwilioCarrierProcess : IDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "twilio-test-auth-token";

    static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    readonly Process _process;

    public TwilioCarrierProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = CarrierDirectory(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "carrier.js", "--account", AccountSid, "--token", AuthToken }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var line = _process.StandardOutput.ReadLineAsync().WaitAsync(StartDeadline).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("the test carrier exited before listening");
        using var answer = JsonDocument.Parse(line);
        BaseUrl = new Uri($"http://127.0.0.1:{answer.RootElement.GetProperty("port").GetInt32().ToString(CultureInfo.InvariantCulture)}");
        Control = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where its Messages API listens (the connector's <c>BaseUrl</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>A client of its control endpoints.</summary>
    public HttpClient Control { get; }

    /// <summary>Its counters: requests, accepted, throttled, dropped, callbacksSent, …</summary>
    public Task<JsonNode> CountsAsync() => PostAsync("/control/counts", null);

    /// <summary>What it took for <paramref name="numbers"/>: {taken, reached, maxPerTo, media: {"url url": submits}}.</summary>
    public Task<JsonNode> TakenAsync(IEnumerable<string> numbers) => PostAsync("/control/numbers", new JsonArray([.. numbers.Select(n => (JsonNode)n)]));

    /// <summary>Makes its callbacks to <paramref name="publicBase"/> go to <paramref name="actual"/>, as a proxy would.</summary>
    public Task<JsonNode> ForwardAsync(Uri publicBase, Uri actual) =>
        PostAsync("/control/forward", new JsonObject { ["from"] = publicBase.ToString().TrimEnd('/'), ["to"] = actual.ToString().TrimEnd('/') });

    public async Task<JsonNode> PostAsync(string path, JsonNode? body)
    {
        using var response = await Control.PostAsync(path, body is null ? null : JsonContent.Create(body));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public void Dispose()
    {
        Control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    static string CarrierDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "twilio-carrier");
            if (File.Exists(Path.Combine(candidate, "carrier.js")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/twilio-carrier/carrier.js not found above " + AppContext.BaseDirectory);
    }
}
