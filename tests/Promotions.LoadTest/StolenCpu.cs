using System.Globalization;

namespace Promotions.LoadTest;

/// <summary>
/// CPU time the hypervisor gave to other guests while this one had work (the <c>steal</c> column of
/// <c>/proc/stat</c>), as a share of every core over a window. On a shared virtual machine it tells a run whose
/// latency was the neighbours' from one whose latency was this process's; null where the kernel does not report it.
/// </summary>
internal static class StolenCpu
{
    // USER_HZ, the unit of /proc/stat, is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static long? Ticks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal ..."
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 8 && long.TryParse(fields[8], NumberStyles.None, CultureInfo.InvariantCulture, out var steal) ? steal : null;
    }

    /// <summary>The stolen share (0–100) of all cores between two readings <paramref name="seconds"/> apart.</summary>
    public static double? Percent(long? before, long? after, double seconds) =>
        before is { } b && after is { } a && seconds > 0 ? (a - b) / TicksPerSecond / (seconds * Environment.ProcessorCount) * 100 : null;
}
