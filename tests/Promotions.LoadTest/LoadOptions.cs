using System.Globalization;

namespace Promotions.LoadTest;

/// <summary>
/// <c>--duration</c> seconds measured per target, <c>--warmup</c> seconds before it. With <c>--rate</c> the load is
/// open-loop (that many requests started per second on a fixed schedule); without it, closed-loop with
/// <c>--concurrency</c> requests in flight and <c>--max-requests</c> per target. <c>--targets</c> picks targets by
/// name (comma-separated; default all, <c>ping</c> always first as the baseline).
/// </summary>
internal sealed record LoadOptions(
    int DurationSeconds = 10, int WarmupSeconds = 2, int Concurrency = 32, int MaxRequests = 2_000_000, int Rate = 0)
{
    public const string Usage =
        "usage: [--rate 500 | --concurrency 32 [--max-requests 2000000]] [--duration 10] [--warmup 2] [--targets ping,redeem,redeem-cap,redeem-cart]";

    /// <summary>The target names asked for, or null for every target.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    public bool OpenLoop => Rate > 0;

    public static LoadOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                errors.WriteLine($"{args[i]} needs a value. {Usage}");
                return null;
            }

            if (args[i] == "--targets")
            {
                options = options with { Targets = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                continue;
            }

            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                errors.WriteLine($"{args[i]} needs a positive whole number. {Usage}");
                return null;
            }

            switch (args[i])
            {
                case "--duration": options = options with { DurationSeconds = value }; break;
                case "--warmup": options = options with { WarmupSeconds = value }; break;
                case "--concurrency": options = options with { Concurrency = value }; break;
                case "--max-requests": options = options with { MaxRequests = value }; break;
                case "--rate": options = options with { Rate = value }; break;
                default:
                    errors.WriteLine($"Unknown option {args[i]}. {Usage}");
                    return null;
            }
        }

        return options;
    }

    /// <summary>How many requests one target is sent at most, check and warm-up included: what caps and budgets must allow.</summary>
    public long MostRequestsPerTarget => OpenLoop ? (long)Rate * (WarmupSeconds + DurationSeconds) + 1 : 2L * MaxRequests + 1;
}
