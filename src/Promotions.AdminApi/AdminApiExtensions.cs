using Promotions.AdminApi.Assets;
using Promotions.AdminApi.Campaigns;
using Promotions.AdminApi.CampaignTypes;
using Promotions.AdminApi.Codes;
using Promotions.AdminApi.Customers;
using Promotions.AdminApi.Plans;
using Promotions.AdminApi.Promotions;
using Promotions.AdminApi.Scheduling;
using Promotions.AdminApi.Segments;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Codes;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Scheduling;

namespace Promotions.AdminApi;

/// <summary>The composition surface of the Admin API: its services and its routes under <c>/admin</c>.</summary>
public static class AdminApiExtensions
{
    /// <summary>
    /// Registers what the Admin API needs beyond the shared defaults and the adapters (register those first): the
    /// code-job runner and, unless the adapters brought a queue for code jobs, the in-process one and its worker; and, when
    /// the adapters can find due steps (<see cref="IDueStepQuery"/>, both sets), the schedule: on a timer in process, on
    /// the ticks delivered to <c>/events/admin</c> on AWS.
    /// </summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddOptions<CodeJobOptions>()
            .BindConfiguration(CodeJobOptions.SectionName)
            .Validate(o => o.BatchSize is >= 1 and <= 100_000, "CodeJobs:BatchSize must be from 1 to 100,000.")
            .Validate(o => o.RunTimeLimit >= TimeSpan.Zero && o.LeaseGrace > TimeSpan.Zero, "CodeJobs:RunTimeLimit and LeaseGrace must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<ICodeJobQueue, InProcessCodeJobQueue>();
        services.AddSingleton(new CodeGenerator());
        services.AddSingleton<CodeJobRunner>();
        services.AddHostedService<CodeJobWorker>();
        services.TryAddSingleton<IPlanExecutions, NoPlanExecutions>();
        services.AddSingleton<PlanExecutionSync>();
        services.AddSingleton<PlanRunner>();
        services.AddSingleton<CodeDistributor>();
        services.AddSingleton<PlanStepDelivery>();
        if (services.Any(d => d.ServiceType == typeof(IDueStepQuery)))
        {
            services.AddOptions<ScheduleOptions>()
                .BindConfiguration(ScheduleOptions.SectionName)
                .Validate(o => ScheduleOptions.IsValid(o.Interval), "Admin:Schedule:Interval must be from 00:00:00.1 to 01:00:00.")
                .ValidateOnStart();
            services.AddSingleton<ScheduleRunner>();
            services.AddSingleton<PacingRunner>();
            services.AddSingleton<SchedulePass>();
            services.AddSingleton<ScheduleTickDelivery>();
            services.AddHostedService<ScheduleWorker>();
        }

        return services;
    }

    /// <summary>Maps every Admin API endpoint; each names its own authorization policy.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapCampaigns();
        admin.MapCampaignPlans();
        admin.MapCampaignTypes();
        admin.MapPromotions();
        admin.MapSegments();
        admin.MapCustomers();
        admin.MapCodeJobs();
        admin.MapCodes();
        admin.MapAssets();
        app.MapCodeJobDeliveries();
        return app;
    }
}
