using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Promotions.Api.Tests.Host;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Metrics;

namespace Promotions.Api.Tests.Telemetry;

/// <summary>
/// The local host with the demo catalog and its telemetry on as on Lambda: EMF lines on (written to <see cref="EmfLines"/>
/// instead of standard output), each request's spans flushed before it answers, into an in-memory exporter behind a
/// batch processor that would otherwise wait a minute (so a span in <see cref="Exported"/> right after a response was
/// flushed by the request), and every log line formatted by the <c>json-trace</c> formatter into <see cref="LogLines"/>
/// at the services' own levels (Information; ASP.NET Core at Warning).
/// </summary>
internal sealed class TelemetryHost : IDisposable
{
    private readonly LocalHostFactory _factory = new(demo: true, settings: new Dictionary<string, string>
    {
        ["Telemetry:Metrics:Emf"] = "true",
        ["Telemetry:Metrics:Namespace"] = "Promotions/test",
        ["Telemetry:Traces:FlushEachRequest"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
    });

    private readonly WebApplicationFactory<LocalHost.Program> _host;
    private readonly StringWriter _emf = new();
    private readonly List<Activity> _exported = [];

    public TelemetryHost()
    {
        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new EmfSink(TextWriter.Synchronized(_emf)));
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(
                new BatchActivityExportProcessor(new OpenTelemetry.Exporter.InMemoryExporter<Activity>(_exported), scheduledDelayMilliseconds: 60_000)));
            services.AddSingleton<ILoggerProvider>(sp => new CapturingLogs(
                sp.GetServices<ConsoleFormatter>().Single(f => f.Name == "json-trace"), LogLines));
        }));
        Client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _factory.Token([Roles.Admin]));
    }

    public HttpClient Client { get; }

    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>The spans exported so far (a copy: the exporter appends from its own thread).</summary>
    public IReadOnlyList<Activity> Exported
    {
        get
        {
            lock (_exported)
            {
                return [.. _exported];
            }
        }
    }

    public IReadOnlyList<string> EmfLines =>
        _emf.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        Client.Dispose();
        _host.Dispose();
        _factory.Dispose();
    }

    public async Task<(HttpResponseMessage Response, string Body)> PostAsync(string path, string json, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Formats every entry as the console provider would with the <c>json-trace</c> formatter, into a queue.</summary>
    private sealed class CapturingLogs(ConsoleFormatter formatter, ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(formatter, lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConsoleFormatter formatter, ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format)
            {
                using var writer = new StringWriter();
                formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, format), null, writer);
                if (writer.ToString() is { Length: > 0 } line)
                {
                    lines.Enqueue(line);
                }
            }
        }
    }
}
