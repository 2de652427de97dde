using System.Net;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Checks an RFC 9457 answer the way a client reads it: status, media type, <c>code</c>, <c>errors</c>.</summary>
internal static class Problems
{
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text) ?? throw new InvalidOperationException("The problem was JSON null.");
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.Equal((int)status, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), "a problem has a title");
        return problem;
    }

    /// <summary>A 400 <c>VALIDATION_FAILED</c> whose <c>errors</c> name exactly <paramref name="fields"/>.</summary>
    public static async Task<JsonNode> AssertValidationAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(fields.Order(StringComparer.Ordinal), ErrorFields(problem).Order(StringComparer.Ordinal));
        return problem;
    }

    /// <summary>The field names under <c>errors</c>, each with at least one message.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonNode problem)
    {
        var errors = problem["errors"] as JsonObject
            ?? throw new InvalidOperationException($"the problem has no errors object: {problem.ToJsonString()}");
        foreach (var (field, messages) in errors)
        {
            Assert.True(messages is JsonArray { Count: > 0 }, $"errors.{field} has no message");
        }
        return [.. errors.Select(e => e.Key)];
    }
}
