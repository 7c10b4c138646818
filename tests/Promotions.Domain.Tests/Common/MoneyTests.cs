using Promotions.Domain.Common;

namespace Promotions.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("EUR", 1.005, 1.01)]
    [InlineData("EUR", -1.005, -1.01)]
    [InlineData("JPY", 100.5, 101)]
    [InlineData("KWD", 1.0005, 1.001)]
    public void Round_UsesCurrencyMinorUnit_HalfAwayFromZero(string currency, double amount, double expected)
    {
        Assert.Equal((decimal)expected, Money.Round((decimal)amount, currency));
    }

    [Fact]
    public void Floor_NeverRoundsUp()
    {
        Assert.Equal(3.33m, Money.Floor(3.339m, "EUR"));
        Assert.Equal(3m, Money.Floor(3.9m, "JPY"));
    }

    [Fact]
    public void MinorRoundTrip_PreservesAmount()
    {
        Assert.Equal(1234L, Money.ToMinor(12.34m, "USD"));
        Assert.Equal(12.34m, Money.FromMinor(1234, "USD"));
        Assert.Equal(1234L, Money.ToMinor(1234m, "JPY"));
    }

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("JPY", true)]
    [InlineData("CLF", true)]
    [InlineData("XXX", false)]
    [InlineData("XTS", false)]
    [InlineData("XAU", false)]
    [InlineData("ABC", false)]
    [InlineData("HRK", false)]
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData(null, false)]
    public void IsValidCurrency_AcceptsOnlyActiveIsoCodes(string? currency, bool expected)
    {
        Assert.Equal(expected, Money.IsValidCurrency(currency));
    }

    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("ISK", 0)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void MinorUnits_ComeFromTheIsoTable(string currency, int expected)
    {
        Assert.Equal(expected, Money.MinorUnits(currency));
        Assert.Equal(12345L, Money.ToMinor(Money.FromMinor(12345, currency), currency));
    }

    [Fact]
    public void MoneyLimits_MaxTotalInMinorUnitsOfEveryCurrency_FitsALongManyTimesOver()
    {
        Assert.Equal(10_000_000_000_000_000L, Money.ToMinor(MoneyLimits.MaxTotal, "CLF"));
        Assert.Null(MoneyLimits.Problem(MoneyLimits.MaxTotal, MoneyLimits.MaxTotal, "EUR"));
        Assert.NotNull(MoneyLimits.Problem(MoneyLimits.MaxTotal + 0.01m, MoneyLimits.MaxTotal, "EUR"));
        Assert.NotNull(MoneyLimits.Problem(0m, MoneyLimits.MaxTotal, allowZero: false));
        Assert.NotNull(MoneyLimits.Problem(-0.01m, MoneyLimits.MaxTotal));
        Assert.NotNull(MoneyLimits.Problem(0.001m, MoneyLimits.MaxTotal, "EUR"));
        Assert.Null(MoneyLimits.Problem(0.001m, MoneyLimits.MaxTotal, "KWD"));
    }
}
