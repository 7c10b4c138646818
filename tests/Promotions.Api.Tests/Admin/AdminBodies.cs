namespace Promotions.Api.Tests.Admin;

/// <summary>Valid request bodies to start from; tests change what they are about.</summary>
internal static class AdminBodies
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, object?> Campaign(string? owner = null, string? campaignTypeId = null) => new()
    {
        ["name"] = "Summer sale",
        ["description"] = "Everything for the beach",
        ["startsAt"] = Start,
        ["endsAt"] = Start.AddDays(30),
        ["owner"] = owner ?? "team-a",
        ["budget"] = new { amount = 5000m, currency = "EUR" },
        ["campaignTypeId"] = campaignTypeId,
    };

    public static Dictionary<string, object?> Promotion(string campaignId, string kind = "automatic") => new()
    {
        ["campaignId"] = campaignId,
        ["name"] = "20% off over 50",
        ["kind"] = kind,
        ["effect"] = new { type = "percent_off", percent = 20, target = new { scope = "order" } },
        ["rules"] = new[]
        {
            new { condition = (object)new { all = new object[] { new { fact = "cart.subtotal", op = "gte", value = 50 } } } },
        },
        ["channels"] = new[] { "web", "mobile_app" },
        ["priority"] = 10,
        ["maxRedemptions"] = 1000,
        ["perCustomerLimit"] = 1,
    };
}
