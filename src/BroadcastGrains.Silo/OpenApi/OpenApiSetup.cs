using Scalar.AspNetCore;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary><c>/openapi/v1.json</c> (the HTTP API of API.md, generated from the endpoints) and its reference UI at <c>/docs</c>.</summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/docs";

    public static void AddBroadcastOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            // The API only: the dashboard, /metrics and the pages are not part of the contract.
            o.ShouldInclude = d => d.RelativePath is { } path && (path.StartsWith("v1/", StringComparison.Ordinal) || path.StartsWith("health/", StringComparison.Ordinal));
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<OperationDocsTransformer>();
            o.AddSchemaTransformer<RecipientsSchemaTransformer>();
        });

    public static void MapBroadcastOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(DocsPath, o => o
            .WithTitle("BroadcastGrains API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(ApiDocumentTransformer.BearerScheme))
            .AllowAnonymous();
    }
}
