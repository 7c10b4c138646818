using System.Globalization;
using Promotions.Embedded.Dispatch;
using Promotions.ServiceDefaults.Hosting;

namespace Promotions.LocalHost.Events;

/// <summary>
/// <c>dotnet run --project src/Promotions.LocalHost -- dead-letters [replay &lt;eventId&gt; | replay --all]</c>: lists the
/// events the in-process relay parked after a consumer failed on them <c>Embedded:Dispatch:MaxAttempts</c> times, or puts
/// them back in the outbox to be delivered again (same configuration, same data directory as the host). A running host
/// delivers a replayed event on its next pass.
/// </summary>
internal static class DeadLettersCommand
{
    public const string Name = "dead-letters";

    private const string Usage = "usage: dead-letters [replay <eventId> | replay --all] [--Embedded:DataDirectory=<folder>]";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var replay = args.Length > 0 && args[0] == "replay";
        if (replay && (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal) && args[1] != "--all"))
        {
            errors.WriteLine(Usage);
            return 2;
        }

        if (!replay && args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            errors.WriteLine(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = replay ? args[2..] : args });
        using var deadLetters = DeadLetters.Open(LocalSigningKey.DataDirectory(builder.Configuration, builder.Environment.ContentRootPath));
        if (replay)
        {
            var eventId = args[1] == "--all" ? null : args[1];
            var count = deadLetters.ReplayAsync(eventId, CancellationToken.None).GetAwaiter().GetResult();
            output.WriteLine(count == 0 && eventId is not null
                ? $"No parked event has the id {eventId}."
                : $"{count} event(s) put back in the outbox; the relay delivers them on its next pass.");
            return count == 0 && eventId is not null ? 1 : 0;
        }

        var letters = deadLetters.ListAsync(CancellationToken.None).GetAwaiter().GetResult();
        output.WriteLine($"{letters.Count} parked event(s)");
        foreach (var letter in letters)
        {
            output.WriteLine(string.Join('\t', letter.EventId, letter.Type, letter.Consumer,
                letter.Attempts.ToString(CultureInfo.InvariantCulture), letter.ParkedAt.ToString("O", CultureInfo.InvariantCulture), letter.LastError));
        }

        return 0;
    }
}
