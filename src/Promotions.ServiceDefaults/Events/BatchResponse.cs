namespace Promotions.ServiceDefaults.Events;

/// <summary>The partial batch response of <c>ReportBatchItemFailures</c>: only the listed messages come back.</summary>
public sealed record BatchResponse(IReadOnlyList<BatchItemFailure> BatchItemFailures);

/// <summary>A message that was not accepted, by its SQS message id.</summary>
public sealed record BatchItemFailure(string ItemIdentifier);
