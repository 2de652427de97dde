using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Cli.Api;

/// <summary>The HTTP API with one key: JSON in, JSON out, problems thrown as <see cref="ApiException"/>.</summary>
internal sealed class ApiClient : IDisposable
{
    readonly HttpClient _http;

    public ApiClient(Uri baseAddress, string key, HttpMessageHandler? handler = null)
    {
        // No overall timeout: uploads of 2,000,000 recipients and event streams take as long as they take; Ctrl+C stops them.
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("broadcastgrains-cli", "1.0"));
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(path)), cancellationToken);

    public Task<JsonNode> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Relative(path)) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) },
            cancellationToken);

    public Task<JsonNode> PutAsync(string path, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, Relative(path)) { Content = content }, cancellationToken);

    public Task<JsonNode> PostAsync(string path, HttpContent content, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Relative(path)) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return SendAsync(request, cancellationToken);
    }

    /// <summary>Opens an event stream; the caller reads and disposes the answer.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Relative(path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new ApiException(ApiProblem.From((int)response.StatusCode, response.ReasonPhrase,
                    await response.Content.ReadAsStringAsync(cancellationToken)));
            }
        }
        return response;
    }

    async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await _http.SendAsync(request, cancellationToken))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException(ApiProblem.From((int)response.StatusCode, response.ReasonPhrase, body));
            }
            return (body.Length == 0 ? null : JsonNode.Parse(body)) ?? new JsonObject();
        }
    }

    static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    public void Dispose() => _http.Dispose();
}
