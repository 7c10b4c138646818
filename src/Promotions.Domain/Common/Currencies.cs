using System.Collections.Frozen;

namespace Promotions.Domain.Common;

/// <summary>
/// The active ISO 4217 currency codes (list one of the standard) with their minor units: the digits after the
/// decimal point. Codes whose minor unit the standard gives as "N.A." (gold, SDRs, <c>XTS</c> for testing,
/// <c>XXX</c> for "no currency") are not currencies a cart or a budget can be in, so they are left out, as are
/// withdrawn codes (HRK, SLL, ZWL, ANG, BGN).
/// </summary>
internal static class Currencies
{
    public static readonly FrozenDictionary<string, int> MinorUnits = Build();

    private static FrozenDictionary<string, int> Build()
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(units, 0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF");
        Add(units, 3, "BHD IQD JOD KWD LYD OMR TND");
        Add(units, 4, "CLF UYW");
        Add(units, 2, """
            AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF
            CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL
            HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU
            MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR
            SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED
            VES WST XCD XCG YER ZAR ZMW ZWG
            """);
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, int> units, int digits, string codes)
    {
        foreach (var code in codes.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            units.Add(code, digits);
        }
    }
}
