using System.Net;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Tests.Support;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Api;

/// <summary>
/// Two Validation functions on one table: unknown codes tried at one lock the caller at both, through the counts on
/// DynamoDB (<c>CODEATTEMPTS#</c> items), as two Lambda instances would.
/// </summary>
public sealed class CodeGuessingOnAwsTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private const string Cart = "\"cart\":{\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"sku\":\"A\",\"quantity\":1,\"unitPrice\":10}]}";

    [Fact]
    public async Task CallerWithAHundredUnknownCodesAtOneFunction_IsLockedAtBoth()
    {
        await using var first = new AwsServiceFactory<Promotions.Validation.Program>(aws);
        await using var second = new AwsServiceFactory<Promotions.Validation.Program>(aws);
        using var atFirst = first.As(Roles.Support);
        using var atSecond = second.As(Roles.Support);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ValidateAsync(atFirst, string.Join(',', Enumerable.Range(0, 10).Select(j => $"\"GUESS{i}X{j}\""))));
        }

        var lockedAtFirst = await ValidateAsync(atFirst, "\"ANOTHER\"");
        var lockedAtSecond = await ValidateAsync(atSecond, "\"ANOTHER\"");
        var item = (await aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = aws.Table,
            Key = new() { ["pk"] = new AttributeValue("CODEATTEMPTS#caller:aws-tests"), ["sk"] = new AttributeValue("#META") },
            ConsistentRead = true,
        })).Item;

        Assert.Equal(HttpStatusCode.TooManyRequests, lockedAtFirst);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedAtSecond);
        Assert.Equal("100", item["unknown"].N);
        Assert.True(item.ContainsKey("lockedUntil") && item.ContainsKey("ttl"));
    }

    private static async Task<HttpStatusCode> ValidateAsync(HttpClient client, string codes)
    {
        using var content = new StringContent($"{{\"channel\":\"web\",\"codes\":[{codes}],{Cart}}}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/validate", UriKind.Relative), content);
        return response.StatusCode;
    }
}
