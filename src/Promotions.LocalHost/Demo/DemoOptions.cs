namespace Promotions.LocalHost.Demo;

/// <summary>Demo data settings (section <c>Demo</c>); <c>--demo</c> on the command line is <c>Demo:Seed=true</c>.</summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string Flag = "--demo";

    /// <summary>Seed the demo catalog at start (idempotent: what already exists is left as it is).</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// Replaces the bare <c>--demo</c> switch with <c>--Demo:Seed=true</c>: the command-line configuration
    /// provider would otherwise take the next argument as its value, or ignore it when it comes last.
    /// </summary>
    public static string[] RewriteFlag(string[] args) =>
        [.. args.Select(a => a == Flag ? $"--{Section}:{nameof(Seed)}=true" : a)];
}
