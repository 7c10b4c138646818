namespace Promotions.Aws.Tests.Support;

/// <summary>A consumer queue and its dead-letter queue.</summary>
public sealed record TestQueue(string Url, string Arn, string DeadLetterUrl, string DeadLetterArn);
