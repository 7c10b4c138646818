namespace Promotions.Aws.Plans;

/// <summary>The body of <c>SendTaskSuccess</c>: the token of the waiting task and its output, a JSON text.</summary>
internal sealed record SendTaskSuccessRequest(string TaskToken, string Output);
