using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>Declarations of answers the handler's return type cannot tell the OpenAPI document.</summary>
public static class ResponseDocs
{
    /// <summary>Declares the endpoint's own refusals, each a ProblemDetails (the shared ones are declared for every operation).</summary>
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder builder, params ReadOnlySpan<int> statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>Declares a 200 whose body is a file's bytes, of one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder ProducesBytes(this RouteHandlerBuilder builder, IEnumerable<string> contentTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string[] types = [.. contentTypes.Order(StringComparer.Ordinal)];
        return builder.Produces<Stream>(StatusCodes.Status200OK, types[0], types[1..]);
    }

    /// <summary>
    /// Declares that the 200 may also be text of <paramref name="contentType"/> (content negotiation with <c>Accept</c>),
    /// next to the JSON the handler's return type declares.
    /// </summary>
    public static RouteHandlerBuilder AlsoProducesText(this RouteHandlerBuilder builder, string contentType)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
            {
                ok.Content ??= new Dictionary<string, OpenApiMediaType>();
                ok.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });
    }
}
