using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Embedded.CodeAttempts;

/// <summary>Registration of the code attempt counts and the guard over them (called from <c>AddEmbeddedAdapters</c>).</summary>
public static class EmbeddedCodeAttempts
{
    /// <summary>Registers <see cref="ICodeAttemptStore"/> on the embedded database, and <see cref="CodeAttemptGuard"/> with <see cref="CodeAttemptPolicy.Default"/> unless a policy is registered.</summary>
    public static IServiceCollection AddEmbeddedCodeAttempts(this IServiceCollection services)
    {
        services.TryAddSingleton<ICodeAttemptStore, SqliteCodeAttemptStore>();
        services.TryAddSingleton(CodeAttemptPolicy.Default);
        services.TryAddSingleton<CodeAttemptGuard>();
        return services;
    }
}
