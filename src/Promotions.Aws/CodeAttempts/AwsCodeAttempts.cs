using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Aws.CodeAttempts;

/// <summary>Registration of the code attempt counts and the guard over them (called from <c>AddAwsAdapters</c>).</summary>
public static class AwsCodeAttempts
{
    /// <summary>Registers <see cref="ICodeAttemptStore"/> on the main table, and <see cref="CodeAttemptGuard"/> with <see cref="CodeAttemptPolicy.Default"/> unless a policy is registered.</summary>
    public static IServiceCollection AddAwsCodeAttempts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICodeAttemptStore, DynamoDbCodeAttemptStore>();
        services.TryAddSingleton(CodeAttemptPolicy.Default);
        services.TryAddSingleton<CodeAttemptGuard>();
        return services;
    }
}
