namespace Promotions.AdminApi.Lifecycle;

/// <summary>The body of a lifecycle call: <c>{"action":"schedule|activate|pause|end|archive"}</c>.</summary>
internal sealed record LifecycleRequest(string? Action = null);
