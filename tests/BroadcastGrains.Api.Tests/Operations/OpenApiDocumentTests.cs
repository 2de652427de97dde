using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary><c>/openapi/v1.json</c> against the reference in <c>docs/api.md</c>, and the reference UI at <c>/docs</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFixture api)
{
    static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public void The_contract_parser_finds_the_endpoints_of_every_section()
    {
        var endpoints = ApiContract.Endpoints(File.ReadAllText(ApiContract.Path()));
        Assert.Contains("POST /v1/broadcasts", endpoints); // a heading
        Assert.Contains("GET /v1/broadcasts", endpoints); // a query string dropped
        Assert.Contains("POST /v1/broadcasts/{}/resume", endpoints); // "`/pause`, `/resume`"
        Assert.Contains("GET /v1/templates", endpoints); // "POST/GET"
        Assert.Contains("DELETE /v1/opt-outs/{}", endpoints);
        Assert.Contains("POST /v1/admin/templates/{}/reject", endpoints);
        Assert.Contains("GET /v1/webhooks/deliveries", endpoints); // prose
        Assert.Contains("GET /health/ready", endpoints);
        Assert.DoesNotContain(endpoints, e => e.Contains("/metrics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_document_lists_every_endpoint_of_the_reference()
    {
        var documented = Operations(await DocumentAsync()).Select(o => o.Endpoint).ToHashSet();
        var missing = ApiContract.Endpoints(await File.ReadAllTextAsync(ApiContract.Path())).Where(e => !documented.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"/openapi/v1.json lacks {missing.Count} endpoints of docs/api.md:\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public async Task The_reference_lists_every_endpoint_of_the_document()
    {
        var referenced = ApiContract.Endpoints(await File.ReadAllTextAsync(ApiContract.Path()));
        var missing = Operations(await DocumentAsync()).Select(o => o.Endpoint).Where(e => !referenced.Contains(e)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"docs/api.md lacks {missing.Count} endpoints the silo serves:\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public async Task Every_operation_documents_its_errors_as_problem_json_with_examples()
    {
        foreach (var (endpoint, operation) in Operations(await DocumentAsync()))
        {
            var problems = operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').ToList();
            Assert.True(problems.Count > 0, $"{endpoint} documents no error");
            foreach (var (status, response) in problems)
            {
                var media = response!["content"]?["application/problem+json"];
                Assert.True(media is not null, $"{endpoint} {status} is not application/problem+json");
                Assert.Equal("#/components/schemas/Problem", media!["schema"]?["$ref"]?.GetValue<string>());
                foreach (var (code, example) in media["examples"]!.AsObject())
                {
                    Assert.Equal(code, example!["value"]!["code"]!.GetValue<string>());
                    Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example["value"]!["status"]!.GetValue<int>());
                }
            }
            Assert.False(string.IsNullOrEmpty(operation["summary"]?.GetValue<string>()), $"{endpoint} has no summary");
        }
    }

    [Fact]
    public async Task Create_documents_its_body_its_answer_and_its_errors()
    {
        var create = (await DocumentAsync())["paths"]!["/v1/broadcasts"]!["post"]!;
        var body = create["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("Spring sale", body["example"]!["name"]!.GetValue<string>());
        var schema = body["schema"]!;
        Assert.Contains("recipients", schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "from"], schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("sending", create["responses"]!["201"]!["content"]!["application/json"]!["example"]!["status"]!.GetValue<string>());
        var problems = create["responses"]!["402"]!["content"]!["application/problem+json"]!["examples"]!;
        Assert.Equal("Insufficient credits", problems["INSUFFICIENT_CREDITS"]!["value"]!["title"]!.GetValue<string>());
        Assert.Contains(create["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        Assert.NotNull(create["security"]);
    }

    [Fact]
    public async Task The_reference_UI_at_docs_loads_the_document_without_a_key()
    {
        using var http = api.Anonymous();
        using var page = await http.GetAsync(new Uri("/docs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }

    async Task<JsonNode> DocumentAsync()
    {
        using var http = api.Anonymous();
        return await http.GetJsonAsync("/openapi/v1.json");
    }

    static IEnumerable<(string Endpoint, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is { } operation)
                {
                    yield return ($"{method.ToUpperInvariant()} {ApiContract.Normalize(path)}", operation);
                }
            }
        }
    }
}
