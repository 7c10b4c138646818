using System.Diagnostics;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// Names the HttpClient spans of AWS SDK calls after the call (<c>DynamoDB.TransactWriteItems</c>, <c>SQS.SendMessageBatch</c>)
/// with the attributes X-Ray reads to draw the service as an AWS node (<c>rpc.system</c> <c>aws-api</c>). The SDK sends
/// every call through HttpClient, so HttpClient's instrumentation is what traces it; the JSON protocols name the
/// operation in <c>X-Amz-Target</c>, S3 (REST) only by its method.
/// </summary>
internal static class AwsCallSpans
{
    public static void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (!request.Headers.Contains("amz-sdk-invocation-id"))
        {
            return;
        }

        var host = request.RequestUri?.Host ?? "";
        string service, operation;
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.FirstOrDefault() is { } target && target.IndexOf('.') is > 0 and var dot)
        {
            service = ServiceOf(target[..dot]);
            operation = target[(dot + 1)..];
        }
        else
        {
            service = host.Contains("s3", StringComparison.OrdinalIgnoreCase) ? "S3" : host.Split('.')[0];
            operation = request.Method.Method;
        }

        activity.DisplayName = $"{service}.{operation}";
        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", service);
        activity.SetTag("rpc.method", operation);
    }

    private static string ServiceOf(string targetPrefix) => targetPrefix switch
    {
        _ when targetPrefix.StartsWith("DynamoDBStreams", StringComparison.Ordinal) => "DynamoDBStreams",
        _ when targetPrefix.StartsWith("DynamoDB", StringComparison.Ordinal) => "DynamoDB",
        "AmazonSQS" => "SQS",
        "TrentService" => "KMS",
        _ => targetPrefix,
    };
}
