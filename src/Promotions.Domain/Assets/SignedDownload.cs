namespace Promotions.Domain.Assets;

/// <summary>The answer to a presigned download: the asset and its bytes when <see cref="Outcome"/> is accepted.</summary>
public sealed record SignedDownload(TransferOutcome Outcome, Asset? Asset = null, Stream? Content = null);
