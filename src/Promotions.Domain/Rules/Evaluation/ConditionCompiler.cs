using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Rules.Evaluation;

/// <summary>
/// Turns the AST into nodes once: each leaf binds a reader of its fact (closures capturing the
/// parameters, made here and never per evaluation) and its operands as typed arrays and sets.
/// </summary>
internal static class ConditionCompiler
{
    public static ConditionNode Compile(Condition condition) => condition switch
    {
        AllCondition all => new AllNode(all.Path, [.. all.Conditions.Select(Compile)]),
        AnyCondition any => new AnyNode(any.Path, [.. any.Conditions.Select(Compile)]),
        NotCondition not => new NotNode(not.Path, Compile(not.Inner)),
        FactCondition leaf => CompileLeaf(leaf),
        _ => throw new ArgumentException($"Unknown condition type {condition.GetType().Name}.", nameof(condition)),
    };

    private static ConditionNode CompileLeaf(FactCondition leaf)
    {
        if (!FactCatalog.TryGet(leaf.Fact, out var fact) || !fact.Supports(leaf.Operator))
        {
            throw new ArgumentException($"{leaf.Fact} {leaf.Operator} is not valid; parse conditions with RuleLanguage.Parse.", nameof(leaf));
        }

        var p = leaf.Parameters;
        return fact.Id switch
        {
            FactId.CustomerId => Strings(leaf, static c => c.CustomerId),
            FactId.CustomerAttribute => new AttributeNode(leaf),
            FactId.CustomerSegments => Lists(leaf, new SetFact(static c => c.Segments)),
            FactId.CustomerFirstOrder => Compare(leaf, static c => c.OrderCount == 0, RuleText.Boolean, AsBoolean),
            FactId.HistoryOrderCount => Numbers(leaf, static c => c.OrderCount),
            FactId.HistoryLifetimeSpend => Numbers(leaf, static c => c.LifetimeSpend),
            FactId.HistoryDaysSinceLastOrder => Numbers(leaf, static c => c.DaysSinceLastOrder),
            FactId.HistoryBoughtSkus => Lists(leaf, new BoughtWithinFact(static c => c.LastBoughtSku, Required(p.WithinDays))),
            FactId.HistoryBoughtCategories => Lists(leaf, new BoughtWithinFact(static c => c.LastBoughtCategory, Required(p.WithinDays))),
            FactId.LocationCountry => Strings(leaf, static c => c.Location?.Country),
            FactId.LocationRegion => Strings(leaf, static c => c.Location?.Region),
            FactId.LocationCity => Strings(leaf, static c => c.Location?.City),
            FactId.LocationPostalCode => Strings(leaf, static c => c.Location?.PostalCode),
            FactId.LocationStoreId => Strings(leaf, static c => c.Location?.StoreId),
            FactId.LocationDistanceKm => Distance(leaf, Required(p.From)),
            FactId.CartSubtotal => Numbers(leaf, static c => c.Subtotal),
            FactId.CartItemCount => Numbers(leaf, static c => c.ItemCount),
            FactId.CartCurrency => Strings(leaf, static c => c.Currency),
            FactId.CartSkus => Lists(leaf, new SetFact(static c => c.CartSkus)),
            FactId.CartCategories => Lists(leaf, new SetFact(static c => c.CartCategories)),
            FactId.CartSkuQuantity => SkuQuantity(leaf, Required(p.Sku)),
            FactId.CartCategoryQuantity => CategoryQuantity(leaf, Required(p.Category)),
            FactId.Channel => Strings(leaf, static c => c.Channel),
            FactId.TimeNow => Compare(leaf, static c => c.Now, RuleText.Instant, static o => ((DateTimeOperand)o).Value),
            _ => CompileTime(leaf, fact.Id),
        };
    }

    private static ConditionNode CompileTime(FactCondition leaf, FactId id)
    {
        var zoneId = leaf.Parameters.TimeZone ?? "UTC";
        if (!TimeZones.TryFind(zoneId, out var zone))
        {
            throw new ArgumentException($"Unknown time zone {zoneId}.", nameof(leaf));
        }

        var slot = SlotRegistry.TimeZones.Intern(zone.Id);
        return id switch
        {
            FactId.TimeDate => Compare(leaf, c => DateOnly.FromDateTime(c.LocalNow(slot, zone)), RuleText.Date,
                static o => ((DateOperand)o).Value),
            FactId.TimeDayOfWeek => Strings(leaf, c => OperandParser.DayNames[(int)c.LocalNow(slot, zone).DayOfWeek]),
            _ => Compare(leaf, c => MinuteOf(c.LocalNow(slot, zone)), RuleText.TimeOfDay, static o => ((TimeOfDayOperand)o).Value),
        };
    }

    // Each method below closes over its parameter so that the closure is allocated once, here.
    private static ConditionNode Distance(FactCondition leaf, GeoPoint from) =>
        Numbers(leaf, c => c.DistanceKm(from) is { } km ? (decimal)km : null);

    private static ConditionNode SkuQuantity(FactCondition leaf, string sku) => Numbers(leaf, c => c.SkuQuantity(sku));

    private static ConditionNode CategoryQuantity(FactCondition leaf, string category) =>
        Numbers(leaf, c => c.CategoryQuantity(category));

    private static TimeOnly MinuteOf(DateTime local) => new(local.Hour, local.Minute);

    private static ConditionNode Numbers(FactCondition leaf, Func<EvaluationContext, decimal?> read) =>
        Compare(leaf, read, RuleText.Number, static o => ((NumberOperand)o).Value);

    private static ConditionNode Compare<T>(FactCondition leaf, Func<EvaluationContext, T?> read, Func<T, string> format, Func<Operand, T> convert)
        where T : struct, IComparable<T>, IEquatable<T> =>
        leaf.Operator == RuleOperator.Exists
            ? new ExistsNode(leaf, c => read(c).HasValue, c => read(c) is { } v ? format(v) : RuleText.Missing)
            : new ComparisonNode<T>(leaf, read, format, Operands.Values(leaf.Value, convert));

    private static ConditionNode Strings(FactCondition leaf, Func<EvaluationContext, string?> read) =>
        leaf.Operator == RuleOperator.Exists
            ? new ExistsNode(leaf, c => read(c) is not null, c => read(c) is { } v ? RuleText.Quote(v) : RuleText.Missing)
            : new StringNode(leaf, read);

    private static ConditionNode Lists(FactCondition leaf, ListFact fact) =>
        leaf.Operator == RuleOperator.Exists ? new ExistsNode(leaf, fact.IsPresent, fact.Describe) : new ListNode(leaf, fact);

    private static bool AsBoolean(Operand operand) => ((BooleanOperand)operand).Value;

    private static T Required<T>(T? value)
        where T : class =>
        value ?? throw new ArgumentException("A required fact parameter is missing; parse conditions with RuleLanguage.Parse.", nameof(value));

    private static int Required(int? value) =>
        value ?? throw new ArgumentException("A required fact parameter is missing; parse conditions with RuleLanguage.Parse.", nameof(value));
}
