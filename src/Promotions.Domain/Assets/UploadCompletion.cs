namespace Promotions.Domain.Assets;

/// <summary>The outcome of making an upload's bytes the asset's: the ready asset, or why not.</summary>
public sealed record UploadCompletion(UploadCompletionStatus Status, Asset? Asset = null)
{
    public static UploadCompletion Completed(Asset asset) => new(UploadCompletionStatus.Completed, asset);

    public static UploadCompletion Changed { get; } = new(UploadCompletionStatus.Changed);

    public static UploadCompletion NotFound { get; } = new(UploadCompletionStatus.NotFound);
}
