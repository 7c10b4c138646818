using Microsoft.Extensions.Configuration;

namespace Promotions.Aws.Configuration;

/// <summary>
/// Where each client sends its requests: the per-service endpoint of <see cref="AwsOptions"/>, then the
/// standard <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and <c>AWS_ENDPOINT_URL</c> settings (read from configuration,
/// which holds the environment), then the service's own AWS endpoint (null).
/// </summary>
internal static class AwsEndpoints
{
    public static string? For(AwsOptions options, IConfiguration configuration, string serviceId)
    {
        if (options.Endpoints.TryGetValue(serviceId, out var specific) && !string.IsNullOrWhiteSpace(specific))
        {
            return specific;
        }

        var standard = configuration["AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant()];
        if (!string.IsNullOrWhiteSpace(standard))
        {
            return standard;
        }

        return !string.IsNullOrWhiteSpace(options.EndpointUrl) ? options.EndpointUrl : Blank(configuration["AWS_ENDPOINT_URL"]);
    }

    public static string Region(AwsOptions options, IConfiguration configuration) =>
        Blank(options.Region) ?? Blank(configuration["AWS_REGION"]) ?? Blank(configuration["AWS_DEFAULT_REGION"]) ?? "us-east-1";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
