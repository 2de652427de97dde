namespace BroadcastGrains.Silo.OpenApi;

/// <summary>
/// What the OpenAPI document says about one endpoint of API.md: a summary, a description, and the error codes it can
/// answer besides the ones every endpoint of its kind can (401/403 for keyed endpoints, 429, 500).
/// </summary>
internal sealed record EndpointDoc(string Summary, string Description, params string[] Codes)
{
    /// <summary>The request body type, for endpoints that read their body themselves (streaming, CSV).</summary>
    public Type? RequestBody { get; init; }

    /// <summary>An example request body (JSON).</summary>
    public string? RequestExample { get; init; }

    /// <summary>An example <c>text/csv</c> body, for endpoints that also take CSV.</summary>
    public string? CsvExample { get; init; }

    /// <summary>True for <c>text/event-stream</c> answers.</summary>
    public bool EventStream { get; init; }
}
