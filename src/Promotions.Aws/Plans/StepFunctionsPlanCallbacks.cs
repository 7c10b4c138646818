using Promotions.Domain.Ports;

namespace Promotions.Aws.Plans;

/// <summary>The answers to a plan step that waits for a Step Functions task token.</summary>
internal sealed class StepFunctionsPlanCallbacks(StepFunctionsClient client) : IPlanCallbacks
{
    public Task<bool> SucceedAsync(string token, string output, CancellationToken ct) => client.SendTaskSuccessAsync(token, output, ct);

    public Task<bool> FailAsync(string token, string error, string cause, CancellationToken ct) => client.SendTaskFailureAsync(token, error, cause, ct);
}
