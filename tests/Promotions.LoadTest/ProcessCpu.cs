using System.Diagnostics;

namespace Promotions.LoadTest;

/// <summary>This process's CPU time so far (user and kernel, every thread): the server and the load generator together.</summary>
internal static class ProcessCpu
{
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
