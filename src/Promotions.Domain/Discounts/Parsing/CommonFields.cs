using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>The properties every effect may carry, read once for all effect parsers.</summary>
internal readonly record struct CommonFields(string? Currency, bool ExcludeAlreadyDiscounted)
{
    /// <summary>Allowed on every effect.</summary>
    public static readonly string[] Base = ["type", "currency"];

    /// <summary>Allowed on effects that discount cart lines.</summary>
    public static readonly string[] Line = [.. Base, "excludeAlreadyDiscounted"];

    public static CommonFields Read(JsonObjectReader reader)
    {
        var currency = reader.Text("currency", required: false);
        if (currency is not null && !Money.IsValidCurrency(currency))
        {
            reader.Error(EffectErrorCodes.InvalidCurrency, "'currency' must be an ISO 4217 code such as EUR.", reader.PathOf("currency"));
            currency = null;
        }

        return new CommonFields(currency, reader.Boolean("excludeAlreadyDiscounted") ?? false);
    }
}
