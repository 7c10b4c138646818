using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws;
#if !AWS_ADAPTERS_ONLY
using Promotions.Embedded;
using Promotions.ServiceDefaults.Hosting;
#endif

namespace Promotions.ServiceDefaults.Adapters;

/// <summary>
/// The one switch between the two adapter sets: <c>Adapters:Mode</c> is <c>embedded</c> (the default: SQLite,
/// file system, in-process delivery) or <c>aws</c> (DynamoDB, SQS, S3, KMS). Services never name an adapter.
/// A build with <c>-p:AdapterSet=aws</c> (the Lambda packages, infra/lambda/Makefile) carries the aws adapters only:
/// no SQLite, and <c>embedded</c> stops the start.
/// </summary>
public static class AdapterSelection
{
    public const string ModeKey = "Adapters:Mode";

    /// <summary>Registers every port on the adapter set that <c>Adapters:Mode</c> names.</summary>
    public static IServiceCollection AddPromotionsAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ModeOf(configuration) switch
        {
            AdapterMode.Aws => services.AddAwsAdapters(configuration),
#if AWS_ADAPTERS_ONLY
            _ => throw new InvalidOperationException(
                $"This build carries only the aws adapters (it was published with AdapterSet=aws); {ModeKey} must be 'aws'."),
#else
            // A service run alone on a developer machine signs and checks local tokens with the local host's key file.
            _ => services.AddEmbeddedAdapters(configuration).AddLocalSigningKey(),
#endif
        };
    }

    /// <summary>The configured mode; an unknown value stops the start with a message that names the choices.</summary>
    public static AdapterMode ModeOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[ModeKey];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("embedded", StringComparison.OrdinalIgnoreCase))
        {
            return AdapterMode.Embedded;
        }

        return value.Equals("aws", StringComparison.OrdinalIgnoreCase)
            ? AdapterMode.Aws
            : throw new InvalidOperationException($"{ModeKey} is '{value}'; it must be 'embedded' or 'aws'.");
    }
}

/// <summary>Which adapter set a process runs on.</summary>
public enum AdapterMode
{
    Embedded,
    Aws,
}
