using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Promotions.ServiceDefaults.Http;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>
/// Numbers as the services write them: a decimal (amounts, rates; <see cref="WireDecimalConverter"/>) is a JSON
/// number, which the generator cannot tell from a custom converter; an integer is a JSON number too, though binding
/// also takes its digits in a string, which the document leaves out so that a client gets a plain number type.
/// </summary>
internal sealed class WireNumbers : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(decimal))
        {
            schema.Type = declared == type ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Format = null;
        }
        else if (schema.Type is { } both && both.HasFlag(JsonSchemaType.String) && (both.HasFlag(JsonSchemaType.Integer) || both.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = both & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
