using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>
/// An SQS queue's event source mapping, as Lambda runs it: receive up to <see cref="BatchSize"/> messages, send
/// them to the function as the SQS event AWS documents (<c>messageId, receiptHandle, body, attributes,
/// messageAttributes, md5OfBody, md5OfMessageAttributes, eventSource, eventSourceARN, awsRegion</c>), and delete
/// the messages the partial batch response accepts. The others are left alone: they come back when their
/// visibility timeout ends, and the queue's redrive policy moves them to the dead-letter queue after
/// <c>maxReceiveCount</c> receives.
/// </summary>
public sealed class SqsEventSource(IAmazonSQS sqs, string queueUrl, string queueArn, string region, LambdaFunction function)
{
    public int BatchSize { get; init; } = 10;

    /// <summary>Receives one batch (waiting up to a second for messages) and delivers it; returns what happened.</summary>
    public async Task<SqsPoll> PollAsync(CancellationToken ct = default)
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = BatchSize,
            WaitTimeSeconds = 1,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        }, ct);
        var messages = received.Messages ?? [];
        if (messages.Count == 0)
        {
            return new SqsPoll([], [], null);
        }

        var invocation = await function.InvokeAsync(new JsonObject { ["Records"] = new JsonArray([.. messages.Select(Record)]) }, ct);
        var failures = invocation.Failures([.. messages.Select(m => m.MessageId)]);
        var acknowledged = failures is null ? [] : messages.Where(m => !failures.Contains(m.MessageId)).ToList();
        if (acknowledged.Count > 0)
        {
            await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. acknowledged.Select((m, i) => new DeleteMessageBatchRequestEntry($"d{i}", m.ReceiptHandle))],
            }, ct);
        }

        return new SqsPoll(messages, acknowledged, invocation);
    }

    private JsonNode Record(Message message)
    {
        var attributes = new JsonObject();
        foreach (var (name, value) in message.Attributes ?? [])
        {
            attributes[name] = value;
        }

        var messageAttributes = new JsonObject();
        foreach (var (name, value) in message.MessageAttributes ?? [])
        {
            var attribute = new JsonObject
            {
                ["stringValue"] = value.StringValue,
                ["stringListValues"] = new JsonArray([.. (value.StringListValues ?? []).Select(v => (JsonNode)v)]),
                ["binaryListValues"] = new JsonArray(),
                ["dataType"] = value.DataType,
            };
            if (value.BinaryValue is { } binary)
            {
                attribute["binaryValue"] = Convert.ToBase64String(binary.ToArray());
            }

            messageAttributes[name] = attribute;
        }

        var record = new JsonObject
        {
            ["messageId"] = message.MessageId,
            ["receiptHandle"] = message.ReceiptHandle,
            ["body"] = message.Body,
            ["attributes"] = attributes,
            ["messageAttributes"] = messageAttributes,
            ["md5OfBody"] = message.MD5OfBody,
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = queueArn,
            ["awsRegion"] = region,
        };
        if (message.MD5OfMessageAttributes is { } md5)
        {
            record["md5OfMessageAttributes"] = md5;
        }

        return record;
    }
}
