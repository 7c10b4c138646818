namespace Promotions.Aws.Events;

/// <summary>What one sweep did: events it published and marked, and events whose publishing failed again.</summary>
public sealed record SweepResult(int Published, int Failed);
