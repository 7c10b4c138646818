using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The AWS endpoint the tests run against, started once per test run. By default moto's server on a free
/// loopback port, killed when the test process exits. <c>PROMOTIONS_TEST_AWS_ENDPOINT</c> points the tests at a
/// running emulator instead (LocalStack: <c>http://localhost:4566</c>); <c>PROMOTIONS_TEST_AWS=real</c> runs them
/// against the account of the default credentials (tables and queues get unique names and are deleted after).
/// </summary>
public sealed class Emulator
{
    private static readonly Lazy<Task<Emulator>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private Emulator(string? endpoint, bool isMoto)
    {
        Endpoint = endpoint;
        IsMoto = isMoto;
    }

    /// <summary>The endpoint URL, or null for real AWS.</summary>
    public string? Endpoint { get; }

    /// <summary>True when the endpoint is the moto server these tests started (moto-only APIs such as reset work).</summary>
    public bool IsMoto { get; }

    public static string Region => Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region : "us-east-1";

    public static Task<Emulator> GetAsync() => Shared.Value;

    private static async Task<Emulator> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PROMOTIONS_TEST_AWS") == "real")
        {
            return new Emulator(null, isMoto: false);
        }

        if (Environment.GetEnvironmentVariable("PROMOTIONS_TEST_AWS_ENDPOINT") is { Length: > 0 } given)
        {
            return new Emulator(given, isMoto: false);
        }

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var process = Process.Start(new ProcessStartInfo("python3", ["-c", SerializedMoto, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("moto_server did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

            var endpoint = $"http://127.0.0.1:{port}";
            if (await WaitUntilUpAsync(endpoint, process))
            {
                return new Emulator(endpoint, isMoto: true);
            }

            Stop(process);
            if (attempt == 2)
            {
                throw new InvalidOperationException("moto's server did not answer on three ports; is it installed for python3 (pip install 'moto[server]')?");
            }
        }
    }

    /// <summary>
    /// moto's server, with one request at a time. Plain <c>moto_server</c> runs requests on threads without a lock,
    /// and its <c>TransactWriteItems</c> rolls a cancelled transaction back by restoring a copy of the whole table,
    /// which undoes every write that ran on another thread meanwhile; racing tests would then see lost writes that
    /// DynamoDB never loses. Serialized, each request is atomic, as on DynamoDB, and races interleave at request
    /// granularity (moto holds the interpreter lock for almost all of a request anyway, so little is lost). That
    /// copy is also taken once per item of every transaction, of the whole table and its stream records, so a
    /// transaction got slower with every item ever written (0.4 s on a table of 2,000 items); here the rollback
    /// keeps a copy of just the items the transaction names and the stream's length instead, with the same effect.
    /// </summary>
    private const string SerializedMoto = """
        import copy, sys, threading
        from werkzeug.serving import run_simple
        import moto.dynamodb.models as dynamodb
        from moto.dynamodb.models.dynamo_type import DynamoType
        from moto.dynamodb.models.table import Table
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

        transact = dynamodb.DynamoDBBackend.transact_write_items
        class KeepTables:
            def deepcopy(self, value, memo=None):
                return value if isinstance(value, Table) else copy.deepcopy(value, memo)
        def transact_journaled(self, transact_items):
            saved, streams = [], {}
            for entry in transact_items:
                _, op = next(iter(entry.items()))
                table = self.tables.get(op.get("TableName"))
                key = op.get("Item") or op.get("Key") or {}
                if table is None or table.hash_key_attr not in key:
                    continue
                hash_value = DynamoType(key[table.hash_key_attr])
                range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr and table.range_key_attr in key else None
                saved.append((table, hash_value, range_value, copy.deepcopy(table.get_item(hash_value, range_value))))
                if table.stream_shard is not None:
                    streams[id(table)] = (table.stream_shard, len(table.stream_shard.items))
            dynamodb.copy = KeepTables()
            try:
                return transact(self, transact_items)
            except Exception:
                for table, hash_value, range_value, item in reversed(saved):
                    if range_value is None:
                        if item is None:
                            table.items.pop(hash_value, None)
                        else:
                            table.items[hash_value] = item
                    elif item is None:
                        table.items[hash_value].pop(range_value, None)
                        if not table.items[hash_value]:
                            table.items.pop(hash_value, None)
                    else:
                        table.items[hash_value][range_value] = item
                for shard, length in streams.values():
                    del shard.items[length:]
                raise
            finally:
                dynamodb.copy = copy
        dynamodb.DynamoDBBackend.transact_write_items = transact_journaled

        app = DomainDispatcherApplication(create_backend_app)
        lock = threading.Lock()
        def serialized(environ, start_response):
            with lock:
                return list(app(environ, start_response))
        run_simple(sys.argv[1], int(sys.argv[2]), serialized, threaded=True)
        """;

    private static async Task<bool> WaitUntilUpAsync(string endpoint, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint + "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting, too slow to answer.
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
