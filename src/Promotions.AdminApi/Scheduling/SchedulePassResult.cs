namespace Promotions.AdminApi.Scheduling;

/// <summary>What one pass wrote: lifecycle steps, plan steps and pacing moves (others' wins are not counted).</summary>
internal sealed record SchedulePassResult(int Steps, int PlanSteps, int Paced);
