using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Tracing;

namespace Promotions.Aws.Codes;

/// <summary>
/// Hands code jobs to the Admin function through the code-job queue (<c>Aws:CodeJobsQueueUrl</c>): the message body is
/// the job id; the function's pass-through path receives the queue's batches and runs the jobs. Delivery is at least
/// once, which the runner's claim makes harmless.
/// </summary>
internal sealed class SqsCodeJobQueue(IAmazonSQS sqs, IOptions<AwsOptions> options) : ICodeJobQueue
{
    public Task EnqueueAsync(string jobId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var queueUrl = options.Value.CodeJobsQueueUrl;
        if (string.IsNullOrWhiteSpace(queueUrl))
        {
            throw new InvalidOperationException("Aws:CodeJobsQueueUrl must name the code-job queue for the Admin API to accept code jobs.");
        }

        // The job runs in the trace of the request that asked for it.
        var attributes = new Dictionary<string, MessageAttributeValue>();
        var system = SqsTraceAttributes.Add(attributes, XRayTraceHeader.CurrentTraceParent());
        return sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queueUrl,
            MessageBody = jobId,
            MessageAttributes = attributes.Count > 0 ? attributes : null,
            MessageSystemAttributes = system,
        }, ct);
    }
}
