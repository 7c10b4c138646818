using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Promotions.Aws.Tests.Support;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// The committed copy of the local host's OpenAPI document (<see cref="RelativePath"/>), which the admin portal
/// generates its API client from: the served document with every object's members in ordinal order, indented, so
/// that the copy only changes when the API does. <see cref="RefreshVariable"/>=1 makes the test write it.
/// </summary>
internal static class OpenApiSnapshot
{
    public const string RelativePath = "src/Promotions.AdminPortal/openapi/promotions.json";
    public const string RefreshVariable = "PROMOTIONS_WRITE_OPENAPI";
    public const string RefreshCommand =
        RefreshVariable + "=1 dotnet test tests/Promotions.Api.Tests --filter FullyQualifiedName~OpenApiDocumentTests.CommittedCopy";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string FullPath => Path.Combine(RepositoryRoot.Path, RelativePath);

    public static bool RefreshRequested => Environment.GetEnvironmentVariable(RefreshVariable) == "1";

    /// <summary>The text the copy holds for <paramref name="served"/>.</summary>
    public static string Normalize(string served) => Sorted(JsonNode.Parse(served))!.ToJsonString(Indented) + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
