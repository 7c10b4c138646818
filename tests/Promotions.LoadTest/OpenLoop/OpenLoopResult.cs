namespace Promotions.LoadTest.OpenLoop;

/// <summary>
/// One target's measured window under open-loop load: how many requests the schedule started and how many were
/// answered, over how long (first scheduled start to last answer), latency percentiles from each request's
/// scheduled start, the answers by status (0: none, a timeout or a broken connection), how many were not
/// expected, how late the generator itself started requests (p99), which is part of the latency, and the
/// process CPU time (server and client together) per request, which a busy machine disturbs far less than time,
/// the memory allocated per request, and the garbage collections in the window with the time they paused the
/// process (every thread, so every request in flight), and the share of the machine's CPU the hypervisor gave
/// to other guests meanwhile (<see cref="StolenCpu"/>), and the time the JIT spent compiling in the window
/// (every thread), which is near nothing once the host is warm.
/// </summary>
internal sealed record OpenLoopResult(
    string Target,
    int RateTarget,
    long Scheduled,
    long Answered,
    double Seconds,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<int, long> Statuses,
    long Unexpected,
    double LagP99Ms,
    double CpuMsPerRequest,
    double AllocatedKbPerRequest,
    int Collections,
    double GcPauseMs,
    double? StolenPercent,
    double JitMs)
{

    public double Achieved => Answered / Seconds;
}
