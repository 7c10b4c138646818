using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>
/// The error answers every service gives, declared once for every operation rather than per endpoint: 401 and 403
/// where a policy applies, 400 where there is a body or a query to refuse, 413 and 415 where there is a body; and every error
/// status, whoever declared it, as <c>application/problem+json</c> with the one <see cref="ProblemSchema"/>
/// (429 with <c>Retry-After</c>, 401 with <c>WWW-Authenticate</c>).
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Declare(operation, StatusCodes.Status401Unauthorized);
            Declare(operation, StatusCodes.Status403Forbidden);
        }

        var hasBody = operation.RequestBody is not null;
        if (hasBody || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            Declare(operation, StatusCodes.Status400BadRequest);
        }

        if (hasBody)
        {
            Declare(operation, StatusCodes.Status413PayloadTooLarge);
            Declare(operation, StatusCodes.Status415UnsupportedMediaType);
        }

        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        context.Document?.AddComponent(ProblemSchema.Name, schema);
        foreach (var (status, response) in operation.Responses)
        {
            if (status[0] is '4' or '5' && response is OpenApiResponse error)
            {
                error.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, context.Document) },
                };
                error.Headers ??= new Dictionary<string, IOpenApiHeader>();
                if (status == "429")
                {
                    error.Headers["Retry-After"] = new OpenApiHeader
                    {
                        Required = true, Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    };
                }

                if (status == "401")
                {
                    error.Headers["WWW-Authenticate"] = new OpenApiHeader
                    {
                        Required = true, Description = "Bearer, with the reason a token was refused (RFC 6750).", Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
        }
    }

    private static void Declare(OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) };
        }
    }
}
