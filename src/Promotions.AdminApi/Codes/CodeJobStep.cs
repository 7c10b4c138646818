namespace Promotions.AdminApi.Codes;

/// <summary>What one delivery of a job to the runner came to.</summary>
internal enum CodeJobStep
{
    /// <summary>The job is finished (now or before), or unknown: the delivery is done with.</summary>
    Finished,

    /// <summary>The run used its time and handed the job back, queued again with its exact progress.</summary>
    HandedBack,

    /// <summary>Another runner holds the job: deliver it again later, when it will be finished or its lease over.</summary>
    Busy,
}
