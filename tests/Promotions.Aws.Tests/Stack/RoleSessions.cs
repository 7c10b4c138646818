using System.Xml.Linq;
using Amazon.Runtime;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// Sessions of the stack's roles, as Lambda gets one for each function: IAM GetRole for the role's ARN, then STS
/// AssumeRole. Asked of moto before its IAM enforcement begins (so with the emulator's root credentials and without
/// checking the roles' trust policies, which name Lambda as the only principal).
/// </summary>
internal static class RoleSessions
{
    private static readonly HttpClient Http = new();

    public static async Task<ImmutableCredentials> AssumeAsync(string endpoint, string region, string roleName, string sessionName)
    {
        var role = await QueryAsync(endpoint, region, "iam", new() { ["Action"] = "GetRole", ["Version"] = "2010-05-08", ["RoleName"] = roleName });
        var arn = Value(role, "Arn");
        var assumed = await QueryAsync(endpoint, region, "sts", new()
        {
            ["Action"] = "AssumeRole",
            ["Version"] = "2011-06-15",
            ["RoleArn"] = arn,
            ["RoleSessionName"] = sessionName,
            ["DurationSeconds"] = "3600",
        });
        return new ImmutableCredentials(Value(assumed, "AccessKeyId"), Value(assumed, "SecretAccessKey"), Value(assumed, "SessionToken"));
    }

    private static string Value(XDocument document, string name) =>
        document.Descendants().First(e => e.Name.LocalName == name).Value;

    // A query-protocol call. moto routes it by the credential scope of its Authorization header and, before
    // enforcement begins, checks no signature, so the header carries the scope only.
    private static async Task<XDocument> QueryAsync(string endpoint, string region, string service, Dictionary<string, string> parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint + "/")) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{service} {parameters["Action"]}: {(int)response.StatusCode} {text}");
        return XDocument.Parse(text);
    }
}
