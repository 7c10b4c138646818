namespace Promotions.Aws.Plans;

/// <summary>The body of <c>SendTaskFailure</c>: the token of the waiting task, an error name and its cause.</summary>
internal sealed record SendTaskFailureRequest(string TaskToken, string Error, string Cause);
