using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Sends JSON and reads answers as JSON trees, so tests see field names exactly as a client does.</summary>
internal static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object? body) =>
        http.SendJsonAsync(HttpMethod.Post, path, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, object? body) =>
        http.SendJsonAsync(HttpMethod.Put, path, body);

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient http, HttpMethod method, string path, object? body)
    {
        var text = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        return http.SendRawAsync(method, path, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// Sends <paramref name="body"/> as it is, labelled <c>application/json</c>: for bodies that are not JSON. With
    /// <paramref name="expectContinue"/> the client waits for the server's go-ahead before uploading, as clients of
    /// large uploads do; a server refusing the size then answers at once, instead of the client racing the closed
    /// connection with the rest of the upload.
    /// </summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient http, HttpMethod method, string path, byte[] body,
        bool expectContinue = false)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(method, Relative(path)) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string path, string body) =>
        http.SendRawAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(body));

    public static Task<HttpResponseMessage> GetAsync(this HttpClient http, string path) => http.GetAsync(Relative(path));

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient http, string path) =>
        http.PostAsync(Relative(path), content: null);

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient http, string path) => http.DeleteAsync(Relative(path));

    /// <summary>The answer's JSON body after checking its status and that it is JSON.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The body was JSON null.");
    }

    /// <summary>GET <paramref name="path"/>, expecting 200 and JSON.</summary>
    public static async Task<JsonNode> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    public static string Str(this JsonNode node, string field) =>
        node[field]?.GetValue<string>() ?? throw new InvalidOperationException($"'{field}' is missing or null in {node.ToJsonString()}");

    public static decimal Dec(this JsonNode node, string field) =>
        node[field]?.GetValue<decimal>() ?? throw new InvalidOperationException($"'{field}' is missing or null in {node.ToJsonString()}");

    public static long Long(this JsonNode node, string field) =>
        node[field]?.GetValue<long>() ?? throw new InvalidOperationException($"'{field}' is missing or null in {node.ToJsonString()}");

    public static bool Bool(this JsonNode node, string field) =>
        node[field]?.GetValue<bool>() ?? throw new InvalidOperationException($"'{field}' is missing or null in {node.ToJsonString()}");

    public static JsonArray Arr(this JsonNode node, string field) =>
        node[field] as JsonArray ?? throw new InvalidOperationException($"'{field}' is not an array in {node.ToJsonString()}");

    static Uri Relative(string path) => new(path, UriKind.Relative);
}
