using System.Runtime.CompilerServices;
using System.Text.Json;
using Promotions.Domain.Rules;
using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Tests.Rules;

/// <summary>The JSON Schema and the reference page name exactly what the parser knows, so they cannot drift.</summary>
public sealed class LanguageDocumentationTests
{
    private static readonly string Root = FindRepositoryRoot();

    [Fact]
    public void Schema_ListsEveryFactOperatorAndParameterTheParserKnows()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "infra", "schemas", "rule-language.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(FactCatalog.Names.Order(StringComparer.Ordinal), Strings(defs.GetProperty("fact").GetProperty("enum")).Order(StringComparer.Ordinal));
        Assert.Equal(RuleOperators.Names, Strings(defs.GetProperty("operator").GetProperty("enum")));
        var leafProperties = defs.GetProperty("leaf").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["fact", "op", "value", .. ParameterParser.Names], leafProperties);
    }

    [Fact]
    public void ReferencePage_DocumentsEveryFactOperatorAndErrorCode()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "rule-language.md"));
        var undocumented = FactCatalog.Names.Concat(RuleOperators.Names).Concat(RuleErrorCodes.All)
            .Where(name => !page.Contains($"`{name}`", StringComparison.Ordinal));
        Assert.Empty(undocumented);
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    /// <summary>Looks above this source file first (builds may put binaries outside the tree), then above the binaries.</summary>
    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Promotions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Promotions.sln not found above the test binaries.");
    }
}
