using Amazon.Runtime;

namespace Promotions.Aws.Configuration;

/// <summary>
/// What a failed call to an AWS service throws once the SDK's own retries are spent: a service error
/// (throttling, a missing queue, an outage), a client or network error, or a timeout of the SDK's HTTP client.
/// These are outcomes to report and retry later; anything else is a bug and propagates.
/// </summary>
internal static class AwsFailures
{
    public static bool IsCallFailure(Exception exception, CancellationToken ct) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (exception is OperationCanceledException && !ct.IsCancellationRequested);
}
