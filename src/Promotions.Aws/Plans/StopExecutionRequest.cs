namespace Promotions.Aws.Plans;

/// <summary>The body of <c>StopExecution</c>.</summary>
internal sealed record StopExecutionRequest(string ExecutionArn, string Cause);
