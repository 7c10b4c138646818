using BenchmarkDotNet.Running;

namespace Promotions.Benchmarks;

/// <summary>Runs every benchmark class of this assembly; pick with --filter (e.g. --filter '*Rule*').</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
