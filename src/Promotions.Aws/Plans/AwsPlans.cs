using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Plans;

/// <summary>Registration of the Step Functions executions of campaign plans (when <c>Aws:PlanStateMachineArn</c> is set).</summary>
internal static class AwsPlans
{
    public static IServiceCollection AddPlanExecutions(this IServiceCollection services)
    {
        services.AddHttpClient<StepFunctionsClient>();
        services.TryAddSingleton<IPlanExecutions, StepFunctionsPlanExecutions>();
        services.TryAddSingleton<IPlanCallbacks, StepFunctionsPlanCallbacks>();
        return services;
    }
}
