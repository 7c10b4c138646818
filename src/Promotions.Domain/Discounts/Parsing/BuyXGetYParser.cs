using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;
using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>Parses <c>buy_x_get_y</c> effects, including the rules of <c>"choose":"specified"</c>.</summary>
internal static class BuyXGetYParser
{
    private static readonly string[] Properties = [.. CommonFields.Line, "buy", "get", "repeat", "maxApplications", "choose"];
    private static readonly string[] BuyProperties = ["quantity", "filter"];
    private static readonly string[] GetProperties = ["quantity", "filter", "percentOff"];

    public static DiscountEffect? Parse(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, Properties)!;
        var common = CommonFields.Read(reader);
        var choose = reader.Word("choose", required: false, "cheapest", "specified") == "specified" ? GetChoice.Specified : GetChoice.Cheapest;
        var repeat = reader.Boolean("repeat") ?? true;
        var maxApplications = reader.Count("maxApplications", required: false);
        if (!repeat && maxApplications is not null)
        {
            reader.Error(EffectErrorCodes.ConflictingProperties, "'maxApplications' needs 'repeat': true.", reader.PathOf("maxApplications"));
        }

        var buy = ReadBuy(reader, errors);
        var get = ReadGet(reader, choose, errors);
        return buy is null || get is null
            ? null
            : new BuyXGetYEffect(buy, get, repeat, maxApplications, choose)
            {
                Currency = common.Currency,
                ExcludeAlreadyDiscounted = common.ExcludeAlreadyDiscounted,
            };
    }

    private static BuyClause? ReadBuy(JsonObjectReader parent, List<DomainError> errors)
    {
        if (parent.Value("buy", required: true) is not { } element
            || JsonObjectReader.Open(element, parent.PathOf("buy"), errors, BuyProperties) is not { } reader)
        {
            return null;
        }

        var quantity = reader.Count("quantity", required: true);
        var filter = TargetParser.ReadFilter(reader, "filter", required: false, errors);
        return quantity is null ? null : new BuyClause(quantity.Value, filter);
    }

    private static GetClause? ReadGet(JsonObjectReader parent, GetChoice choose, List<DomainError> errors)
    {
        if (parent.Value("get", required: true) is not { } element
            || JsonObjectReader.Open(element, parent.PathOf("get"), errors, GetProperties) is not { } reader)
        {
            return null;
        }

        var quantity = reader.Count("quantity", required: true);
        var percentOff = reader.Value("percentOff", required: false) is null ? 100m : reader.Percent("percentOff", required: true);
        var filter = TargetParser.ReadFilter(reader, "filter", required: choose == GetChoice.Specified, errors);
        if (choose == GetChoice.Specified && filter is not null)
        {
            var filterPath = reader.PathOf("filter");
            if (filter.Skus.Count == 0)
            {
                reader.Error(EffectErrorCodes.MissingProperty, "With 'choose': 'specified' the get filter names the SKUs.", JsonPath.Property(filterPath, "skus"));
            }

            if (filter.Categories.Count > 0)
            {
                reader.Error(
                    EffectErrorCodes.ConflictingProperties,
                    "With 'choose': 'specified' the get filter names SKUs only.",
                    JsonPath.Property(filterPath, "categories"));
            }
        }

        return quantity is null || percentOff is null ? null : new GetClause(quantity.Value, filter, percentOff.Value);
    }
}
