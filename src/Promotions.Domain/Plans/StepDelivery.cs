namespace Promotions.Domain.Plans;

/// <summary>What became of a delivered "run step (campaign, revision, index)".</summary>
public enum StepDelivery
{
    /// <summary>The step has run: now, or in an earlier delivery. Acknowledge it.</summary>
    Ran,

    /// <summary>The step's time has not come (or the step ahead of it could not run yet): deliver it again later.</summary>
    NotDue,

    /// <summary>The step will never run: the plan was replaced, or the campaign stopped or is gone. Acknowledge it.</summary>
    Superseded,
}
