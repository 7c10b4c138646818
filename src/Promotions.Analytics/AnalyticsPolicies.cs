namespace Promotions.Analytics;

/// <summary>The policy of the event pass-through, which the shared <c>Policies</c> do not cover yet.</summary>
public static class AnalyticsPolicies
{
    /// <summary>
    /// Feed events to analytics through <c>POST /events/analytics</c>: the admin role locally. On AWS the Lambda
    /// Web Adapter posts SQS batches there from inside the function, behind no API route.
    /// </summary>
    public const string Ingest = "analytics.ingest";
}
