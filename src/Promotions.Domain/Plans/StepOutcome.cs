namespace Promotions.Domain.Plans;

/// <summary>What became of a plan step: applied (its changes made, each as it could be), or skipped by its condition.</summary>
public enum StepOutcome
{
    Applied,
    Skipped,
}
