using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Domain.Ports;

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

        return sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = jobId }, ct);
    }
}
