using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Promotions.Domain.Customers;
using Promotions.Domain.Rules;
using RulesEngine.Models;

namespace Promotions.Benchmarks.Rules;

/// <summary>
/// Our rule language against microsoft/RulesEngine on the same 1,000 five-condition promotions:
/// warm evaluation of already-compiled rules, and cold load + compile + first evaluation.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuleEvaluationBenchmarks
{
    private const string Warm = "Warm: evaluate 1,000 rules";
    private const string Cold = "Cold: load + compile 1,000 rules, evaluate once";

    private string _oursJson = "";
    private string _rulesEngineJson = "";
    private CompiledCondition[] _compiled = [];
    private EvaluationContext _context = null!;
    private RulesEngine.RulesEngine _engine = null!;
    private RuleParameter[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        _oursJson = RuleWorkload.OursJson();
        _rulesEngineJson = RuleWorkload.RulesEngineJson();
        _compiled = CompileOurs(_oursJson);
        _context = NewContext();
        _inputs = RuleWorkload.RulesEngineInputs();
        _engine = new RulesEngine.RulesEngine(LoadWorkflows(_rulesEngineJson));

        var ours = OursWarm();
        var theirs = RulesEngineWarm().GetAwaiter().GetResult();
        if (ours != theirs || ours == 0 || ours == RuleWorkload.RuleCount)
        {
            throw new InvalidOperationException($"The engines disagree or the workload is degenerate: ours {ours}, RulesEngine {theirs}.");
        }

        Console.WriteLine($"// {ours} of {RuleWorkload.RuleCount} rules pass in both engines.");
    }

    [Benchmark(Baseline = true, Description = "RulesEngine")]
    [BenchmarkCategory(Warm)]
    public async Task<int> RulesEngineWarm()
    {
        var results = await _engine.ExecuteAllRulesAsync(RuleWorkload.WorkflowName, _inputs);
        return results.Count(static r => r.IsSuccess);
    }

    [Benchmark(Description = "Promotions rule language")]
    [BenchmarkCategory(Warm)]
    public int OursWarm()
    {
        var passed = 0;
        foreach (var rule in _compiled)
        {
            if (rule.Evaluate(_context))
            {
                passed++;
            }
        }

        return passed;
    }

    [Benchmark(Baseline = true, Description = "RulesEngine")]
    [BenchmarkCategory(Cold)]
    public async Task<int> RulesEngineCold()
    {
        // RulesEngine compiles a workflow's expressions on its first execution, so that is part of cold.
        var engine = new RulesEngine.RulesEngine(LoadWorkflows(_rulesEngineJson));
        var results = await engine.ExecuteAllRulesAsync(RuleWorkload.WorkflowName, RuleWorkload.RulesEngineInputs());
        return results.Count(static r => r.IsSuccess);
    }

    [Benchmark(Description = "Promotions rule language")]
    [BenchmarkCategory(Cold)]
    public int OursCold()
    {
        var compiled = CompileOurs(_oursJson);
        var context = NewContext();
        var passed = 0;
        foreach (var rule in compiled)
        {
            passed += rule.Evaluate(context) ? 1 : 0;
        }

        return passed;
    }

    private static CompiledCondition[] CompileOurs(string json)
    {
        using var document = JsonDocument.Parse(json);
        var compiled = new CompiledCondition[document.RootElement.GetArrayLength()];
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var parsed = RuleLanguage.Parse(element, $"$[{index}]");
            compiled[index++] = parsed.IsSuccess
                ? RuleLanguage.Compile(parsed.Value)
                : throw new InvalidOperationException(string.Join("; ", parsed.Errors.Select(e => $"{e.Path}: {e.Message}")));
        }

        return compiled;
    }

    private static EvaluationContext NewContext() =>
        EvaluationContext.Create(RuleWorkload.Customer, RuleWorkload.Cart, Channels.Web, RuleWorkload.Now);

    private static Workflow[] LoadWorkflows(string json) =>
        JsonSerializer.Deserialize<Workflow[]>(json) ?? throw new InvalidOperationException("No workflows.");
}
