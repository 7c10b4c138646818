using System.Runtime.CompilerServices;
using System.Text.Json;
using Promotions.Domain.Discounts;

namespace Promotions.Domain.Tests.Discounts;

public sealed class EffectSchemaTests
{
    private static readonly string RepositoryRoot = FindRoot();

    [Fact]
    public void Schema_ParsesAndListsEveryEffectType()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "infra", "schemas", "effect.schema.json")));
        var root = schema.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var listed = root.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(EffectParser.KnownTypes.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        var definitions = root.GetProperty("$defs");
        Assert.All(EffectParser.KnownTypes, type =>
            Assert.Equal(type, definitions.GetProperty(type).GetProperty("properties").GetProperty("type").GetProperty("const").GetString()));
        Assert.Equal(
            EffectParser.KnownTypes.Select(t => "#/$defs/" + t).Order(StringComparer.Ordinal),
            root.GetProperty("oneOf").EnumerateArray().Select(r => r.GetProperty("$ref").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_ListEveryTypeReasonAndErrorCode()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "discounts.md"));
        var codes = typeof(EffectErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.All(EffectParser.KnownTypes.Concat(NotAppliedReasons.All).Concat(codes), name => Assert.Contains($"`{name}`", docs, StringComparison.Ordinal));
    }

    [Fact]
    public void Reasons_AreTheDeclaredConstants()
    {
        var declared = typeof(NotAppliedReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);
        Assert.Equal(declared.Order(StringComparer.Ordinal), NotAppliedReasons.All.Order(StringComparer.Ordinal));
    }

    // The test binaries may be built anywhere (--artifacts-path), so the repository is found from this source file.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Promotions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Promotions.sln not found above " + sourceFile);
    }
}
