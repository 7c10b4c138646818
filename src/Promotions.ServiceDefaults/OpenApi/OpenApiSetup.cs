using Microsoft.Extensions.DependencyInjection;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI document every service serves at <c>/openapi/v1.json</c>, complete enough to generate a typed client from.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddPromotionsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiInfo>();
            options.AddSchemaTransformer<WireNumbers>();
            options.AddSchemaTransformer<ProblemSchema>();
            options.AddOperationTransformer(RawBodies.TransformAsync);
            options.AddOperationTransformer<HeaderContracts>();
            options.AddOperationTransformer<ErrorResponses>();
        });
}
