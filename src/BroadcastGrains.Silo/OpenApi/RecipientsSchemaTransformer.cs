using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>A create body's <c>recipients</c> items are an E.164 string or a <c>{to, variables}</c> object.</summary>
internal sealed class RecipientsSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { Name: "recipients" } property
            || property.DeclaringType != typeof(Schemas.CreateBroadcastBody))
        {
            return;
        }
        var item = await context.GetOrCreateSchemaAsync(typeof(Schemas.RecipientItem), null, cancellationToken);
        schema.Items = new OpenApiSchema
        {
            OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.String, Description = "A phone number", Examples = [System.Text.Json.Nodes.JsonValue.Create("+14155550100")] },
                item,
            ],
        };
        schema.MaxItems = 2_000_000;
    }
}
