using Microsoft.OpenApi;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>Headers API.md gives meaning to, and descriptions of the paging query parameters.</summary>
internal static class OperationParameters
{
    public static void Add(OpenApiOperation operation, string method, string relativePath, Access access)
    {
        operation.Parameters ??= [];
        var path = OpenApiPaths.Normalize(relativePath);
        if (access.ClientKey)
        {
            Header(operation, "X-Client-Id", "With an agency key: the client to act for (required then).");
        }
        if (method == "POST" && path == "/v1/broadcasts")
        {
            Header(operation, "Idempotency-Key",
                "A retry with the same key and body returns the first answer and creates nothing; the same key with another body → 409 `IDEMPOTENCY_KEY_REUSED`. Kept at least 24 h.");
        }
        if (path.StartsWith("/v1/carrier/", StringComparison.Ordinal))
        {
            Header(operation, "X-Carrier-Secret", "The shared secret `Broadcast__CarrierSecret`.", required: true);
        }
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            parameter.Description ??= parameter.Name switch
            {
                "limit" => "Items per page, 1…1000 (default 100).",
                "cursor" => "The `nextCursor` of the previous page (opaque).",
                "status" => "Only items of this status.",
                "id" => "The resource id.",
                _ => null,
            };
        }
    }

    static void Header(OpenApiOperation operation, string name, string description, bool required = false) =>
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
}
