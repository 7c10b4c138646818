using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The Cognito user pool API over its JSON protocol (<c>X-Amz-Target: AWSCognitoIdentityProviderService.&lt;Action&gt;</c>),
/// since the SDK package for Cognito is not available here. For the emulator only: moto reads the region from the
/// credential scope of the Authorization header and does not check the signature.
/// </summary>
public sealed class CognitoIdp(string endpoint, string region)
{
    private static readonly HttpClient Http = new();

    public async Task<JsonElement> CallAsync(string action, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint + "/"))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/{region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
    }

    public async Task<string> CreatePoolAsync(string name) =>
        (await CallAsync("CreateUserPool", new { PoolName = name })).GetProperty("UserPool").GetProperty("Id").GetString()!;

    public async Task<string> CreateClientAsync(string poolId, string name, object? oauth = null)
    {
        var body = JsonSerializer.SerializeToNode(new
        {
            UserPoolId = poolId,
            ClientName = name,
            ExplicitAuthFlows = new[] { "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
        })!.AsObject();
        if (oauth is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(oauth)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        return (await CallAsync("CreateUserPoolClient", body)).GetProperty("UserPoolClient").GetProperty("ClientId").GetString()!;
    }

    /// <summary>A confirmed user with a permanent password, in <paramref name="groups"/>.</summary>
    public async Task CreateUserAsync(string poolId, string username, string password, params string[] groups)
    {
        await CallAsync("AdminCreateUser", new { UserPoolId = poolId, Username = username, TemporaryPassword = "Temp-Passw0rd!", MessageAction = "SUPPRESS" });
        await CallAsync("AdminSetUserPassword", new { UserPoolId = poolId, Username = username, Password = password, Permanent = true });
        foreach (var group in groups)
        {
            await CallAsync("AdminAddUserToGroup", new { UserPoolId = poolId, Username = username, GroupName = group });
        }
    }

    /// <summary>The ID and access tokens of a password sign-in (<c>AdminInitiateAuth</c>).</summary>
    public async Task<(string Id, string Access)> SignInAsync(string poolId, string clientId, string username, string password)
    {
        var result = (await CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = password },
        })).GetProperty("AuthenticationResult");
        return (result.GetProperty("IdToken").GetString()!, result.GetProperty("AccessToken").GetString()!);
    }

    /// <summary>Sends an action whose body is already a JSON object.</summary>
    private Task<JsonElement> CallAsync(string action, JsonObject body) => CallAsync(action, (object)body);
}
