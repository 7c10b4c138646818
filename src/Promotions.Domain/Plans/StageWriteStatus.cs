namespace Promotions.Domain.Plans;

/// <summary>What writing a step did.</summary>
public enum StageWriteStatus
{
    /// <summary>Written: the changes, the record and the events.</summary>
    Written,

    /// <summary>The step's record exists: it ran before, and nothing was written.</summary>
    AlreadyRan,

    /// <summary>The campaign or a promotion changed since it was read: nothing was written; read again and retry.</summary>
    Conflict,
}
