using Promotions.Domain.Promotions;

namespace Promotions.AdminApi.Promotions;

/// <summary>A limit of redemptions per day or week (UTC), over every customer or per customer (request and response).</summary>
internal sealed record PeriodLimitBody(LimitPeriod? Period = null, int? Max = null, bool? PerCustomer = null);
