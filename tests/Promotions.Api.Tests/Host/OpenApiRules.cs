using System.Text.Json;

namespace Promotions.Api.Tests.Host;

/// <summary>What every OpenAPI document of the services holds for every operation, whichever service serves it.</summary>
internal static class OpenApiRules
{
    public const string ProblemJson = "application/problem+json";

    // The target of a local presigned PUT answers as S3 does: 200 with no body.
    private static readonly string[] EmptySuccesses = ["ReceiveAssetUpload"];

    /// <summary>A 2xx with a content type and a schema for each, or a 204 without a body.</summary>
    public static void AssertSuccesses(IReadOnlyList<DocumentedOperation> operations) =>
        Assert.All(operations, operation =>
        {
            var successes = operation.Responses.Where(r => r.Status.StartsWith('2')).ToList();
            Assert.True(successes.Count > 0, $"{operation} declares no 2xx.");
            foreach (var (status, response) in successes)
            {
                if (status == "204" || EmptySuccesses.Contains(operation.Id))
                {
                    Assert.False(response.TryGetProperty("content", out _), $"{operation} {status} has no body.");
                    continue;
                }

                Assert.True(response.TryGetProperty("content", out var content) && content.EnumerateObject().Any(), $"{operation} {status} has no content type.");
                Assert.All(content.EnumerateObject(), media => Assert.True(media.Value.TryGetProperty("schema", out _), $"{operation} {status} {media.Name} has no schema."));
            }
        });

    /// <summary>A 400 or 422 wherever there is a body or a query to refuse.</summary>
    public static void AssertInputRefusals(IReadOnlyList<DocumentedOperation> operations)
    {
        var withInput = operations.Where(o => o.HasBody || o.HasQuery).ToList();
        Assert.NotEmpty(withInput);
        Assert.All(withInput, o => Assert.True(o.Response("400") is not null || o.Response("422") is not null, $"{o} declares neither 400 nor 422."));
    }

    /// <summary>Every error a ProblemDetails of the one schema (with code and the JSON path of each error); 429 with Retry-After.</summary>
    public static void AssertProblems(JsonElement document, IReadOnlyList<DocumentedOperation> operations)
    {
        Assert.All(operations, operation =>
        {
            foreach (var (status, response) in operation.Responses.Where(r => r.Status[0] is '4' or '5'))
            {
                Assert.Equal([ProblemJson], response.GetProperty("content").EnumerateObject().Select(c => c.Name));
                var schema = response.GetProperty("content").GetProperty(ProblemJson).GetProperty("schema");
                Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
                if (status == "429")
                {
                    Assert.True(response.GetProperty("headers").TryGetProperty("Retry-After", out _), $"{operation} 429 has no Retry-After.");
                }
            }
        });
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var problem = schemas.GetProperty("ProblemDetails").GetProperty("properties");
        Assert.Equal("string", problem.GetProperty("code").GetProperty("type").GetString());
        var error = problem.GetProperty("errors").GetProperty("items");
        if (error.TryGetProperty("$ref", out var reference))
        {
            error = schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
        }

        Assert.True(error.GetProperty("properties").TryGetProperty("path", out _), "A problem's errors name their path.");
    }
}
