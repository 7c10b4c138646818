namespace Promotions.Aws.Configuration;

/// <summary>
/// Configuration of the AWS adapters (section <c>Aws</c>). Resource names come from the stack's outputs
/// (template.yaml sets them as environment variables of each function); endpoints are empty on AWS and point
/// at an emulator (moto, LocalStack) elsewhere.
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>The region of every client (on Lambda, <c>AWS_REGION</c> is read from configuration when this is empty).</summary>
    public string? Region { get; set; }

    /// <summary>One endpoint for every service (<c>AWS_ENDPOINT_URL</c> when not set here).</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Per-service endpoints, by the SDK's service ids (<c>dynamodb</c>, <c>sqs</c>, <c>s3</c>, <c>kms</c>); each wins over <see cref="EndpointUrl"/>.</summary>
    public Dictionary<string, string> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Static credentials for an emulator; on AWS leave empty so the function's role is used.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>With <see cref="AccessKeyId"/>, the session token of temporary credentials (an assumed role's).</summary>
    public string? SessionToken { get; set; }

    /// <summary>The single table of the catalog, the ledger and the outbox (see docs/dynamodb.md).</summary>
    public string Table { get; set; } = "";

    /// <summary>The analytics table (aggregates, processed event ids).</summary>
    public string AnalyticsTable { get; set; } = "";

    /// <summary>The private bucket that holds asset bytes.</summary>
    public string AssetsBucket { get; set; } = "";

    /// <summary>The KMS key (id, ARN or alias) that wraps the data keys of personal data.</summary>
    public string KmsKeyId { get; set; } = "";

    /// <summary>The KMS HMAC key (key spec <c>HMAC_256</c>) whose <c>GenerateMac</c> makes the lookup keys of e-mail addresses.</summary>
    public string KmsLookupKeyId { get; set; } = "";

    /// <summary>Queues the outbox relay publishes to, by consumer name (e.g. <c>analytics</c>).</summary>
    public Dictionary<string, string> EventQueues { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The queue that carries code-generation work to the Admin function.</summary>
    public string? CodeJobsQueueUrl { get; set; }

    /// <summary>The Step Functions state machine that runs campaign plans (docs/scheduling.md); without it plans do not run on AWS.</summary>
    public string? PlanStateMachineArn { get; set; }
}
