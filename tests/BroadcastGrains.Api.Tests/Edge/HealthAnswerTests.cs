using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Edge;

/// <summary>API.md: a failing readiness check names the component, never the error text (the answer needs no key).</summary>
[Collection(EdgeApiCollection.Name)]
public sealed class HealthAnswerTests(EdgeApiFixture api)
{
    [Fact]
    public async Task Ready_names_the_failing_storage_but_not_its_exception_text()
    {
        using var http = api.Anonymous();
        api.Storage.Failing = true;
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();

            var problem = JsonNodeOf(text);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("NOT_READY", problem["code"]?.GetValue<string>());
            Assert.Equal("storage did not answer", problem["detail"]?.GetValue<string>());
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("db.internal", text, StringComparison.Ordinal);
        }
        finally
        {
            api.Storage.Failing = false;
        }
    }

    static System.Text.Json.Nodes.JsonNode JsonNodeOf(string text) =>
        System.Text.Json.Nodes.JsonNode.Parse(text) ?? throw new InvalidOperationException("null body");
}
