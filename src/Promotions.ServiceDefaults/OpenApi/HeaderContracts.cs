using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Promotions.ServiceDefaults.Http;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>
/// The request and response headers an endpoint declared where it is mapped (<see cref="IdempotencyKeys"/>,
/// <see cref="ETags"/>), as OpenAPI parameters and response headers.
/// </summary>
internal sealed class HeaderContracts : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (IdempotencyKeys.IsDeclaredIn(metadata))
        {
            AddHeader(operation, IdempotencyKeys.Header,
                $"1 to {IdempotencyKeys.MaxLength} printable ASCII characters, scoped to the caller. Send the same key to retry the same request: the "
                + "first answer is replayed (with Idempotent-Replayed: true); the key with another request answers 422, while the first is in flight 409.",
                new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxLength, Pattern = "^[ -~]+$" });
            AddToSuccesses(operation, IdempotencyKeys.ReplayedHeader, "true when this answer is the stored answer of an earlier request with the same key.",
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] });
        }

        if (ETags.RequiresIfMatchIn(metadata))
        {
            AddHeader(operation, ETags.IfMatchHeader,
                "The ETag of the item as last read; 428 without it, 412 when the item changed since.",
                new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[0-9]+\"$" });
        }

        if (ETags.ReturnsETagIn(metadata))
        {
            AddToSuccesses(operation, "ETag", "The item's version, to send back in If-Match to change it.",
                new OpenApiSchema { Type = JsonSchemaType.String });
        }

        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description, OpenApiSchema schema)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = schema });
    }

    private static void AddToSuccesses(OpenApiOperation operation, string name, string description, OpenApiSchema schema)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && status != "204" && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[name] = new OpenApiHeader { Description = description, Schema = schema };
            }
        }
    }
}
