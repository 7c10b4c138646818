using BenchmarkDotNet.Attributes;
using Promotions.Domain.Codes;

namespace Promotions.Benchmarks.Codes;

/// <summary>
/// One million unique codes of ten random default-charset characters plus a check character, against
/// the common shortcut of cutting ten hex digits out of a GUID (no uniqueness, no check, 40 bits).
/// </summary>
[MemoryDiagnoser]
public class CodeGenerationBenchmarks
{
    private const int Count = 1_000_000;

    private readonly string[] _batch = new string[10_000];
    private CodeSpec _spec = null!;

    [GlobalSetup]
    public void Setup() => _spec = CodeSpec.Parse(length: 10).Value!;

    [Benchmark(Baseline = true)]
    public int GuidPrefix()
    {
        var total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += Guid.NewGuid().ToString("N")[..10].Length;
        }

        return total;
    }

    [Benchmark]
    public int Generate()
    {
        var run = new CodeGenerator().Start(_spec, Count).Value!;
        var total = 0;
        int written;
        while ((written = run.Fill(_batch)) > 0)
        {
            total += written;
        }

        return run.Error is null ? total : throw new InvalidOperationException(run.Error.Message);
    }
}
