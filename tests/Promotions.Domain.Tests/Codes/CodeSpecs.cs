using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

/// <summary>Specs and runs the code tests share.</summary>
internal static class CodeSpecs
{
    /// <summary>Every placeholder kind, separators and a check character; 38.9 bits, so 513,802 codes are allowed.</summary>
    public const string Rich = "SUMMER-####-????-**";

    /// <summary>A generator with no entropy floor, for tests about full spaces.</summary>
    public static CodeGenerator Unguarded { get; } = new(new EntropyPolicy(minGuessesPerCode: 1, minBits: 0));

    public static CodeSpec Of(string? pattern = null, int? length = null, string? charset = null, bool check = true)
    {
        var parsed = CodeSpec.Parse(pattern, length, charset, checkCharacter: check);
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));
        return parsed.Value;
    }

    public static CodeGeneration Start(CodeGenerator generator, CodeSpec spec, int count, Func<string, bool>? exists = null)
    {
        var run = generator.Start(spec, count, exists: exists);
        Assert.True(run.IsSuccess, string.Join("; ", run.Errors));
        return run.Value;
    }

    /// <summary>Drains a run in batches of 4,096, the way a store inserts.</summary>
    public static List<string> Drain(CodeGeneration run)
    {
        var codes = new List<string>();
        var batch = new string[4096];
        int written;
        while ((written = run.Fill(batch)) > 0)
        {
            codes.AddRange(batch.AsSpan(0, written));
        }

        return codes;
    }
}
