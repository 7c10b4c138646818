namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// The authorization policies; every endpoint names exactly one. Who holds each is in
/// <see cref="AuthSetup"/> and in docs/security.md.
/// </summary>
public static class Policies
{
    /// <summary>Read the catalog (campaigns, promotions, segments, customers, codes, assets): every staff role.</summary>
    public const string CatalogRead = "catalog.read";

    /// <summary>Create, change and delete catalog items, run lifecycle actions and code jobs: admin, marketer.</summary>
    public const string CatalogWrite = "catalog.write";

    /// <summary>Approve or reject a submitted campaign (four-eyes: never the submitter): admin.</summary>
    public const string CatalogApprove = "catalog.approve";

    /// <summary>Ask for offers, promotion details, code state and search: channels with offers:read, and staff.</summary>
    public const string Offers = "offers";

    /// <summary>Quote a cart: channels with validate, and admin, marketer, support.</summary>
    public const string Validate = "validate";

    /// <summary>Redeem, reserve, confirm, release: channels with redeem, and admin, support.</summary>
    public const string Redeem = "redeem";

    /// <summary>Read reports and exports: admin, marketer, analyst.</summary>
    public const string AnalyticsRead = "analytics.read";

    /// <summary>Post raw event batches to a pass-through endpoint: the Lambda Web Adapter on AWS, an admin locally (<see cref="EventsIngestRequirement"/>).</summary>
    public const string EventsIngest = "events.ingest";
}
