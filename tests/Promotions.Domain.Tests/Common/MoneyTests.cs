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
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData(null, false)]
    public void IsValidCurrency_AcceptsOnlyIsoShape(string? currency, bool expected)
    {
        Assert.Equal(expected, Money.IsValidCurrency(currency));
    }
}
