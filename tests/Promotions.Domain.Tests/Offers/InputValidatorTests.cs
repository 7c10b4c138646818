using Promotions.Domain.Common;
using Promotions.Domain.Offers.Input;

namespace Promotions.Domain.Tests.Offers;

public sealed class InputValidatorTests
{
    private static CartLineInput Line(string id, int quantity = 1, decimal price = 10m) => new(id, "SKU-" + id, quantity, price);

    [Fact]
    public void ToCart_WhenLineIdRepeated_ReportsThePathOfTheRepeat()
    {
        var errors = new List<DomainError>();

        var cart = InputValidator.ToCart(new CartInput("EUR", [Line("a"), Line("b"), Line("c"), Line("a")]), "$.cart", errors);

        Assert.Null(cart);
        Assert.Equal("$.cart.lines[3].lineId", Assert.Single(errors).Path);
    }

    [Fact]
    public void ToCart_WhenSeveralValuesWrong_ReportsEachPath()
    {
        var errors = new List<DomainError>();
        var input = new CartInput("EUR", [Line("a", quantity: 0), Line("b", price: 1.005m), Line("c", price: -1m)], Shipping: 4.999m);

        InputValidator.ToCart(input, "$.cart", errors);

        Assert.Equal(
            ["$.cart.lines[0].quantity", "$.cart.lines[1].unitPrice", "$.cart.lines[2].unitPrice", "$.cart.shipping"],
            errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("XXX")]
    [InlineData("ABC")]
    [InlineData("HRK")]
    public void ToCart_WhenCurrencyInvalid_ReportsCurrencyPath(string currency)
    {
        var errors = new List<DomainError>();

        InputValidator.ToCart(new CartInput(currency, [Line("a")]), "$.cart", errors);

        Assert.Equal("$.cart.currency", Assert.Single(errors).Path);
    }

    [Fact]
    public void ToCart_WhenAmountsPassTheirBounds_ReportsEachPath()
    {
        var errors = new List<DomainError>();
        var input = new CartInput("EUR",
            [Line("a", quantity: 10_000, price: 1e14m), Line("b", quantity: 2, price: MoneyLimits.MaxAmount), Line("c", price: MoneyLimits.MaxAmount)],
            Shipping: MoneyLimits.MaxAmount + 0.01m);

        InputValidator.ToCart(input, "$.cart", errors);

        Assert.Equal(["$.cart.lines[0].unitPrice", "$.cart.lines[1].quantity", "$.cart.shipping"], errors.Select(e => e.Path));
    }

    [Fact]
    public void ToCart_WhenEveryLineIsAtItsBound_TheCartConvertsToMinorUnitsExactly()
    {
        var errors = new List<DomainError>();
        var lines = Enumerable.Range(0, InputLimits.MaxLines).Select(i => Line("l" + i, quantity: 10_000, price: 100_000m)).ToArray();

        var cart = InputValidator.ToCart(new CartInput("KWD", lines, Shipping: MoneyLimits.MaxAmount), "$.cart", errors);

        Assert.Empty(errors);
        Assert.Equal(500_000_000_000_000L + 1_000_000_000_000L, Money.ToMinor(cart!.Subtotal + cart.Shipping, "KWD"));
    }

    [Fact]
    public void ToProfile_WhenLifetimeSpendPastTheBound_ReportsItsPath()
    {
        var errors = new List<DomainError>();

        InputValidator.ToProfile(new ProfileInput(History: new HistoryInput(LifetimeSpend: 1e17m)), "$.customer", errors);

        Assert.Equal("$.customer.history.lifetimeSpend", Assert.Single(errors).Path);
    }

    [Fact]
    public void ToCart_WhenJpyPriceHasDecimals_IsRefused()
    {
        var errors = new List<DomainError>();

        InputValidator.ToCart(new CartInput("JPY", [Line("a", price: 100.5m)]), "$.cart", errors);

        Assert.Equal("$.cart.lines[0].unitPrice", Assert.Single(errors).Path);
    }

    [Fact]
    public void ToCart_WhenTooManyLines_ReportsLinesPath()
    {
        var errors = new List<DomainError>();
        var lines = Enumerable.Range(0, InputLimits.MaxLines + 1).Select(i => Line("l" + i)).ToArray();

        InputValidator.ToCart(new CartInput("EUR", lines), "$.cart", errors);

        Assert.Equal("$.cart.lines", Assert.Single(errors).Path);
    }

    [Fact]
    public void ToProfile_WhenAttributesNotAnObject_ReportsPath()
    {
        var errors = new List<DomainError>();

        InputValidator.ToProfile(new ProfileInput(Attributes: OfferFixtures.Json("[1]")), "$.customer", errors);

        Assert.Equal("$.customer.attributes", Assert.Single(errors).Path);
    }

    [Fact]
    public void CustomerChoice_WhenBothIdAndProfile_IsRefused()
    {
        var errors = new List<DomainError>();

        InputValidator.CustomerChoice("cus_1", new ProfileInput(), errors);

        Assert.Equal("$.customer", Assert.Single(errors).Path);
    }

    [Fact]
    public void Codes_WhenMoreThanTen_ReportsCodesPath()
    {
        var errors = new List<DomainError>();

        InputValidator.Codes(Enumerable.Range(0, 11).Select(i => "C" + i).ToArray(), errors);

        Assert.Equal("$.codes", Assert.Single(errors).Path);
    }
}
