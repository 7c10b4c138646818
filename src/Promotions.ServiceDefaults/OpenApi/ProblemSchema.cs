using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Promotions.ServiceDefaults.Http;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>
/// The ProblemDetails schema as the services write it (<see cref="Problems"/>): RFC 9457's members plus the
/// machine-readable <c>code</c>, the <c>errors</c> with the JSON path (or query or header name) of each failing
/// input, and the <c>traceId</c>; other members (a refusal's <c>hint</c>, <c>failedConditions</c>) may follow.
/// </summary>
internal sealed class ProblemSchema : IOpenApiSchemaTransformer
{
    public const string Name = "ProblemDetails";

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails) || context.JsonPropertyInfo is not null)
        {
            return;
        }

        var error = await context.GetOrCreateSchemaAsync(typeof(ProblemError), null, cancellationToken);
        schema.Description = "An RFC 9457 problem: code names the failure; errors name each failing input by its JSON path.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The machine-readable code of the failure (e.g. not_found)." };
        schema.Properties["errors"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = error };
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Required = new HashSet<string>(["status", "title"], StringComparer.Ordinal);
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
    }
}
