using System.Text.Json.Nodes;
using Spectre.Console;

namespace BroadcastGrains.Cli.Api;

/// <summary>An <c>application/problem+json</c> answer, as a person reads it: title, code and detail, then field errors.</summary>
internal sealed record ApiProblem(int Status, string Title, string Code, string? Detail, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static ApiProblem From(int status, string? reason, string body)
    {
        JsonNode? json = null;
        try
        {
            json = body.Length > 0 ? JsonNode.Parse(body) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document (a proxy's HTML page, say): keep the status.
        }
        var errors = new List<(string, string)>();
        if (json?["errors"] is JsonObject fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages as JsonArray ?? [])
                {
                    errors.Add((field, message?.ToString() ?? ""));
                }
            }
        }
        return new ApiProblem(
            status,
            json?["title"]?.ToString() ?? reason ?? $"HTTP {status}",
            json?["code"]?.ToString() ?? $"HTTP_{status}",
            json?["detail"]?.ToString() ?? (json is null && body.Length > 0 ? body[..Math.Min(body.Length, 200)] : null),
            errors);
    }

    public void Write(IAnsiConsole console)
    {
        console.MarkupLineInterpolated($"[red bold]{Title}[/] [red]({Code}, HTTP {Status})[/]");
        if (Detail is { Length: > 0 })
        {
            console.MarkupLineInterpolated($"  {Detail}");
        }
        foreach (var (field, message) in Errors)
        {
            console.MarkupLineInterpolated($"  [grey]{field}:[/] {message}");
        }
    }
}
