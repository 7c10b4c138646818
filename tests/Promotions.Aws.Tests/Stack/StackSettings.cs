using Amazon.Runtime;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The configuration one function runs with: exactly the environment the stack gave it (names with <c>__</c>
/// read as <c>:</c>, as .NET reads environment variables), the variables its template declares that moto left
/// out or as a placeholder resolved against the user pool the tests created (<see cref="Filled"/>: the Cognito
/// settings, nothing else can be), and what only an emulator needs (<see cref="EmulatorKeys"/>).
/// </summary>
public sealed record StackSettings(
    IReadOnlyDictionary<string, string> StackEnvironment,
    IReadOnlyList<string> Filled,
    IReadOnlyList<string> EmulatorKeys,
    IReadOnlyDictionary<string, string?> All)
{
    /// <param name="role">Credentials of the function's role (an assumed role's session) instead of the emulator's root ones.</param>
    public static StackSettings For(DeployedStack stack, StackUserPool pool, string logicalId, ImmutableCredentials? role = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(pool);
        var environment = stack.Functions[logicalId];
        var declared = TemplateValues.Resources(stack.Template)[logicalId]?["Properties"]?["Environment"]?["Variables"]?.AsObject() ?? [];
        var all = environment.ToDictionary(v => Key(v.Key), v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);
        var filled = new List<string>();
        foreach (var (name, value) in declared)
        {
            if (!environment.TryGetValue(name, out var given) || given.Contains("${", StringComparison.Ordinal))
            {
                all[Key(name)] = TemplateValues.Text(TemplateValues.Resolve(value, pool.Names));
                filled.Add(Key(name));
            }
        }

        var emulator = new Dictionary<string, string?>
        {
            ["Aws:EndpointUrl"] = stack.Emulator.Endpoint,
            ["Aws:AccessKeyId"] = role?.AccessKey ?? "test",
            ["Aws:SecretAccessKey"] = role?.SecretKey ?? "test",
            // The Lambda runtime sets it in every function.
            ["AWS_REGION"] = Emulator.Region,
            // On AWS the key set follows from the issuer; moto serves it under its own host.
            ["Auth:Cognito:JwksUrl"] = $"{stack.Emulator.Endpoint}/{pool.PoolId}/.well-known/jwks.json",
        };
        if (role is { UseToken: true })
        {
            emulator["Aws:SessionToken"] = role.Token;
        }

        foreach (var (key, value) in emulator)
        {
            Assert.False(all.ContainsKey(key), $"{logicalId}: the stack sets {key}, which only the emulator should need.");
            all[key] = value;
        }

        return new StackSettings(environment, [.. filled.Order(StringComparer.Ordinal)], [.. emulator.Keys.Order(StringComparer.Ordinal)], all);
    }

    private static string Key(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);
}
