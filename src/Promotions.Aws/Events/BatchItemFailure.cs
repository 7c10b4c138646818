namespace Promotions.Aws.Events;

/// <summary>A record that was not processed, by its identifier (a stream record's sequence number).</summary>
public sealed record BatchItemFailure(string ItemIdentifier);
