using System.Globalization;
using System.Text;
using System.Text.Json;
using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using RulesEngine.Models;

namespace Promotions.Benchmarks.Rules;

/// <summary>
/// The same 1,000 promotions, each of five conditions (a customer attribute, a segment, the cart
/// subtotal, the channel and purchase history), written in both rule languages. The constants vary
/// with the index so that some rules pass and most fail at different conditions.
/// </summary>
public static class RuleWorkload
{
    public const int RuleCount = 1_000;
    public const string WorkflowName = "promotions";

    private static readonly string[] Tiers = ["gold", "silver", "bronze"];
    private static readonly string[] SegmentNames = ["vip", "newsletter", "churn-risk", "b2b"];
    private static readonly string[] ChannelNames = [Channels.Web, Channels.MobileApp];

    public static DateTimeOffset Now { get; } = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static CustomerProfile Customer { get; } = new(
        "c-42",
        JsonDocument.Parse("""{"tier":"gold","age":41,"loyalty":{"points":1200}}""").RootElement,
        ["vip", "newsletter"],
        new PurchaseHistory(3, 420.50m, Now.AddDays(-12), []));

    public static Cart Cart { get; } = new("EUR",
    [
        new CartLine("l1", "SKU-1", "shoes", 2, 30m),
        new CartLine("l2", "SKU-3", "socks", 1, 10m),
    ]);

    /// <summary>The rules in our language: a JSON array of 1,000 conditions.</summary>
    public static string OursJson()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < RuleCount; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"all":[
                  {"fact":"customer.attributes.tier","op":"eq","value":"{{Tier(i)}}"},
                  {"fact":"customer.segments","op":"contains","value":"{{Segment(i)}}"},
                  {"fact":"cart.subtotal","op":"gte","value":{{MinSubtotal(i)}}},
                  {"fact":"channel","op":"eq","value":"{{Channel(i)}}"},
                  {"fact":"history.order_count","op":"gte","value":{{MinOrders(i)}}}
                ]}
                """);
        }

        return json.Append(']').ToString();
    }

    /// <summary>The same rules as RulesEngine workflows: lambda expressions over typed inputs.</summary>
    public static string RulesEngineJson()
    {
        var rules = Enumerable.Range(0, RuleCount).Select(i => new Rule
        {
            RuleName = $"promotion-{i}",
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = string.Create(CultureInfo.InvariantCulture,
                $"customer.Tier == \"{Tier(i)}\" && customer.Segments.Contains(\"{Segment(i)}\") && cart.Subtotal >= {MinSubtotal(i)}"
                + $" && request.Channel == \"{Channel(i)}\" && customer.OrderCount >= {MinOrders(i)}"),
        }).ToList();
        return JsonSerializer.Serialize(new[] { new Workflow { WorkflowName = WorkflowName, Rules = rules } });
    }

    /// <summary>The inputs RulesEngine evaluates against, holding the same facts as our context.</summary>
    public static RuleParameter[] RulesEngineInputs() =>
    [
        new("customer", new RulesEngineCustomer("gold", ["vip", "newsletter"], Customer.History.OrderCount)),
        new("cart", new RulesEngineCart(Cart.Subtotal)),
        new("request", new RulesEngineRequest(Channels.Web)),
    ];

    private static string Tier(int i) => Tiers[i % Tiers.Length];

    private static string Segment(int i) => SegmentNames[(i / 3) % SegmentNames.Length];

    private static int MinSubtotal(int i) => 20 + (i % 100);

    private static string Channel(int i) => ChannelNames[(i / 7) % ChannelNames.Length];

    private static int MinOrders(int i) => i % 6;
}
