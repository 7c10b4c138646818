namespace Promotions.Domain.Lifecycle;

/// <summary>What an operator (or the scheduler) asks of a campaign or promotion.</summary>
public enum LifecycleAction
{
    Schedule,
    Activate,
    Pause,
    End,
    Archive,
}
