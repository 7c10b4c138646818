using CsCheck;
using Promotions.Domain.Rules;
using static Promotions.Domain.Tests.Rules.RuleFixtures;

namespace Promotions.Domain.Tests.Rules;

/// <summary>Random trees of all/any/not over leaves with known results agree with a reference evaluation.</summary>
public sealed class CombinatorPropertyTests
{
    private static readonly string[] Leaves =
    [
        "{'fact':'channel','op':'eq','value':'web'}",
        "{'fact':'channel','op':'eq','value':'email'}",
        "{'fact':'cart.subtotal','op':'gte','value':50}",
        "{'fact':'cart.subtotal','op':'gte','value':500}",
        "{'fact':'customer.segments','op':'contains','value':'vip'}",
        "{'fact':'customer.attributes.tier','op':'eq','value':'silver'}",
        "{'fact':'time.day_of_week','timeZone':'Europe/Paris','op':'eq','value':'saturday'}",
        "{'fact':'customer.attributes.age','op':'gt','value':99}",
    ];

    private static readonly EvaluationContext SharedContext = Context();

    private static readonly bool[] LeafResults = [.. Leaves.Select(l => Evaluate(l, SharedContext))];

    [Fact]
    public void Leaves_HaveBothOutcomes() => Assert.Equal([true, false], LeafResults.Distinct().Order().Reverse());

    [Fact]
    public void Evaluate_OfRandomTrees_MatchesReferenceSemantics() =>
        Gen.Int[0, 1_000_000].Array[1, 40].Sample(program =>
        {
            var position = 0;
            var (json, expected) = Build(program, ref position, depth: 1);
            Assert.Equal(expected, Evaluate(json, SharedContext));
            Assert.Equal(expected, Compile(json).Explain(SharedContext).Passed);
        });

    [Fact]
    public void Evaluate_OfNot_IsTheNegation() =>
        Gen.Int[0, Leaves.Length - 1].Sample(i =>
            Assert.Equal(!LeafResults[i], Evaluate($"{{'not':{Leaves[i]}}}", SharedContext)));

    /// <summary>Reads the random ints as instructions: 0-1 leaf, 2 not, 3 all, 4 any; the next int picks the leaf or arity.</summary>
    private static (string Json, bool Expected) Build(int[] program, ref int position, int depth)
    {
        int Next(ref int p) => program[p++ % program.Length];
        var instruction = depth >= 5 ? 0 : Next(ref position) % 5;
        switch (instruction)
        {
            case 2:
                var (inner, value) = Build(program, ref position, depth + 1);
                return ($"{{'not':{inner}}}", !value);
            case 3:
            case 4:
                var count = 1 + (Next(ref position) % 4);
                var children = new List<(string Json, bool Expected)>();
                for (var i = 0; i < count; i++)
                {
                    children.Add(Build(program, ref position, depth + 1));
                }

                var name = instruction == 3 ? "all" : "any";
                var result = instruction == 3 ? children.All(c => c.Expected) : children.Any(c => c.Expected);
                return ($"{{'{name}':[{string.Join(",", children.Select(c => c.Json))}]}}", result);
            default:
                var leaf = Next(ref position) % Leaves.Length;
                return (Leaves[leaf], LeafResults[leaf]);
        }
    }
}
