using Amazon.SQS.Model;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>One poll of a queue: the messages received, those the function acknowledged (deleted), and the invocation.</summary>
public sealed record SqsPoll(IReadOnlyList<Message> Received, IReadOnlyList<Message> Acknowledged, LambdaInvocation? Invocation);
