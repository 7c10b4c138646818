using Amazon.Runtime;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The deployed stack (<see cref="StackFixture"/>) on a moto server of its own that enforces IAM, with every
/// function signing its AWS calls with a session of its own role, as on Lambda.
/// </summary>
/// <remarks>
/// moto enforces IAM for the whole server once <c>INITIAL_NO_AUTH_ACTION_COUNT</c> requests have been served, hence
/// a server of its own. The stack cannot be created under enforcement with the tests' root credentials: moto takes
/// an access key without a session token for an IAM user's, finds no user with the key <c>test</c> and refuses the
/// request (403 InvalidClientTokenId); and a count fixed in advance would have to match the deployment's requests,
/// whose number varies (the deployment polls the stack's status). So the server starts without enforcement; the
/// stack, its user pool, the users' tokens and the roles' sessions are made; then enforcement is switched on for
/// every later request (<see cref="Emulator.EnforceIamAsync"/>), before any function has started.
/// </remarks>
public sealed class IamEnforcedStackFixture : IAsyncLifetime
{
    public IamEnforcedStackFixture() => Stack = new StackFixture(new DeployedStack(Emulator.StartOwnAsync), PrepareAsync);

    public StackFixture Stack { get; }

    /// <summary>Access tokens of a marketer and an analyst, signed in before enforcement (the tests' Cognito calls use root credentials).</summary>
    public (string Marketer, string Analyst) Staff { get; private set; }

    public async Task InitializeAsync()
    {
        await Stack.InitializeAsync();
        await Stack.Stack.Emulator.EnforceIamAsync();
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        Stack.Stack.Emulator.Stop();
    }

    private async Task<IReadOnlyDictionary<string, ImmutableCredentials>> PrepareAsync(StackFixture stack)
    {
        Staff = (await stack.Pool.SignInAsync("marketer", StackFlow.Portal), await stack.Pool.SignInAsync("analyst", StackFlow.Portal));
        var sessions = new Dictionary<string, ImmutableCredentials>(StringComparer.Ordinal);
        foreach (var function in stack.Stack.Functions.Keys)
        {
            // SAM names a function's role <Function>Role; its physical id is the role's name.
            var role = stack.Stack.Resources[function + "Role"];
            Assert.Equal("AWS::IAM::Role", role.Type);
            sessions[function] = await RoleSessions.AssumeAsync(stack.Stack.Emulator.Endpoint!, Emulator.Region, role.Id!, function);
        }

        return sessions;
    }
}
