using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>
/// Bodies a handler reads raw (a CSV file, an image's bytes) and checks the type of itself, so that a wrong type is
/// answered with a ProblemDetails that lists the allowed ones rather than routing's bare 415; <c>Accepts</c> would
/// make routing check it. This declares the body for the OpenAPI document only.
/// </summary>
public static class RawBodies
{
    /// <summary>Declares a required raw body of one of <paramref name="contentTypes"/> (text, or bytes when <paramref name="binary"/>).</summary>
    public static RouteHandlerBuilder WithRawBody(this RouteHandlerBuilder builder, bool binary, string description, params IEnumerable<string> contentTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new Declared([.. contentTypes.Order(StringComparer.Ordinal)], binary, description));
    }

    internal static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Declared>().LastOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = body.Description,
                Content = body.ContentTypes.ToDictionary(
                    type => type,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = body.Binary ? "binary" : null } }),
            };
        }

        return Task.CompletedTask;
    }

    private sealed record Declared(IReadOnlyList<string> ContentTypes, bool Binary, string Description);
}
