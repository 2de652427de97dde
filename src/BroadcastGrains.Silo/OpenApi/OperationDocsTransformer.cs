using System.Text.Json.Nodes;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Wallet;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>
/// Each operation: API.md's summary and description, who may call it, its request body where the endpoint reads the body
/// itself, every problem it can answer (grouped by status, one example per code), and examples of its answer.
/// </summary>
internal sealed class OperationDocsTransformer : IOpenApiOperationTransformer
{
    const string ProblemJson = "application/problem+json";

    static readonly Dictionary<Type, string> SuccessExamples = new()
    {
        [typeof(BroadcastJson)] = Examples.Broadcast,
        [typeof(WalletView)] = Examples.Wallet,
        [typeof(PrecheckView)] = Examples.Precheck,
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? "GET";
        var doc = EndpointDocs.Find(method, description.RelativePath ?? "");
        var access = Access.Of(description.ActionDescriptor.EndpointMetadata);
        if (doc is not null)
        {
            operation.Summary ??= doc.Summary;
            operation.Description ??= doc.Description;
        }
        // An endpoint API.md does not list still reads as words: "CreateAgencyApiKey" → "Create agency api key".
        operation.Summary ??= operation.OperationId is { Length: > 0 } id
            ? id[0] + string.Concat(id.Skip(1).Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()))
            : null;
        if (access.Scope is { } scope)
        {
            operation.Description = $"{operation.Description}\n\n**Scope:** `{scope}`".Trim();
        }
        if (access.Keyed)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.ApiKeyScheme, context.Document)] = [] },
            ];
        }
        OperationParameters.Add(operation, method, description.RelativePath ?? "", access);
        if (doc?.RequestBody is { } bodyType)
        {
            var schema = await context.GetOrCreateSchemaAsync(bodyType, null, cancellationToken);
            var content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = schema,
                    Example = doc.RequestExample is null ? null : JsonNode.Parse(doc.RequestExample),
                },
            };
            if (doc.CsvExample is { } csv)
            {
                content["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(csv) };
            }
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }
        operation.Responses ??= [];
        if (doc?.EventStream == true)
        {
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "A `text/event-stream` of `progress` events, then one `final` event.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/event-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(Examples.EventStream) },
                },
            };
        }
        AddSuccessExamples(operation, context);
        AddProblems(operation, context.Document, Codes(doc, access));
    }

    static IEnumerable<string> Codes(EndpointDoc? doc, Access access)
    {
        var codes = new List<string>(doc?.Codes ?? []);
        if (access.Keyed)
        {
            codes.Add(ErrorCodes.Unauthenticated);
            codes.Add(ErrorCodes.ScopeInsufficient);
        }
        if (access.ClientKey)
        {
            codes.AddRange([ErrorCodes.IpNotAllowed, ErrorCodes.ClientNotAllowed, ErrorCodes.RateLimited]);
        }
        codes.Add(ApiProblems.Internal);
        return codes.Distinct();
    }

    static void AddProblems(OpenApiOperation operation, OpenApiDocument? document, IEnumerable<string> codes)
    {
        foreach (var group in codes.GroupBy(ProblemExamples.StatusOf).OrderBy(g => g.Key))
        {
            var examples = new Dictionary<string, IOpenApiExample>();
            foreach (var code in group)
            {
                examples[code] = new OpenApiExample { Summary = ProblemExamples.TitleOf(code), Value = ProblemExamples.For(code) };
            }
            operation.Responses![group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = string.Join(", ", group.Select(c => $"`{c}`")),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new()
                    {
                        Schema = new OpenApiSchemaReference(ApiDocumentTransformer.ProblemSchema, document),
                        Examples = examples,
                    },
                },
            };
        }
    }

    static void AddSuccessExamples(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var response in context.Description.SupportedResponseTypes)
        {
            if (response.StatusCode is < 200 or > 299 || response.Type is null
                || operation.Responses!.GetValueOrDefault(response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not OpenApiResponse answer
                || answer.Content is null || !answer.Content.TryGetValue("application/json", out var media))
            {
                continue;
            }
            if (SuccessExamples.TryGetValue(response.Type, out var example))
            {
                media.Example = JsonNode.Parse(example);
            }
            else if (response.Type == typeof(Page<BroadcastJson>))
            {
                media.Example = new JsonObject { ["items"] = new JsonArray(JsonNode.Parse(Examples.Broadcast)), ["nextCursor"] = null, ["hasMore"] = false };
            }
        }
    }
}
