using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>
/// The document as a whole: title and description, the two ways to send a key, the problem schema every error shares,
/// and paths spelled as API.md spells them (a group's <c>"/"</c> route is <c>/v1/broadcasts</c>, not <c>/v1/broadcasts/</c>).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";
    public const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "BroadcastGrains API",
            Version = "v1",
            Description = """
                Bulk SMS/MMS broadcasts to up to 2,000,000 recipients, priced per country and segment, paid from prepaid credits.

                Authenticate with `Authorization: Bearer <key>` or `X-Api-Key: <key>`; an agency key names its client with
                `X-Client-Id`. Operator endpoints (`/v1/admin`) take the operator key. Every 4xx/5xx answer is
                `application/problem+json` with a machine-readable `code`. Lists answer `{items, nextCursor, hasMore}`.
                """,
        };
        var components = document.Components ??= new OpenApiComponents();
        components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (`bgk_…`) or, for `/v1/admin`, the operator key.",
        };
        components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "The same key in a header of its own.",
        };
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components.Schemas[ProblemSchema] = ProblemSchemaBody();
        MergeTrailingSlashes(document);
        return Task.CompletedTask;
    }

    static OpenApiSchema ProblemSchemaBody() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details with a machine-readable `code`.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "e.g. `INSUFFICIENT_CREDITS`" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation errors by field.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    static void MergeTrailingSlashes(OpenApiDocument document)
    {
        foreach (var path in document.Paths.Keys.Where(p => p.Length > 1 && p.EndsWith('/')).ToList())
        {
            var item = document.Paths[path];
            document.Paths.Remove(path);
            var target = path.TrimEnd('/');
            if (!document.Paths.TryGetValue(target, out var existing))
            {
                document.Paths[target] = item;
            }
            else if (existing is OpenApiPathItem merged && item.Operations is { } operations)
            {
                merged.Operations ??= [];
                foreach (var (method, operation) in operations)
                {
                    merged.Operations[method] = operation;
                }
            }
        }
    }
}
