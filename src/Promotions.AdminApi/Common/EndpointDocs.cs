namespace Promotions.AdminApi.Common;

/// <summary>Names, summary, the one policy and the declared problems of an endpoint, in one call.</summary>
internal static class EndpointDocs
{
    public static RouteHandlerBuilder Describe(
        this RouteHandlerBuilder builder, string policy, string name, string summary, params int[] problems)
    {
        builder.RequireAuthorization(policy).WithName(name).WithSummary(summary);
        foreach (var status in problems)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
