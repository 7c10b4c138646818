namespace Promotions.Aws.Plans;

/// <summary>The body of <c>StartExecution</c>.</summary>
internal sealed record StartExecutionRequest(string StateMachineArn, string Name, string Input);
