using System.Diagnostics;
using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Postgres;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Replay;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace AgenticIR.Benchmarks;

/// <summary>The same generated alerts replayed through the whole pipeline on the embedded SQLite store and on PostgreSQL,
/// <c>rounds</c> times each in turn (so machine load hits both alike), each replay on a fresh database. After each
/// PostgreSQL replay, every row it wrote is inserted again, by plain batched multi-row INSERTs on one connection, into a
/// fresh database with the same schema on the same server: the pipeline's throughput as a ratio to that raw insert rate
/// says how much of the store's ceiling the pipeline reaches. The server comes from <c>AGENTICIR_BENCH_PG</c> (a keyword
/// string or URI for a role that may CREATE DATABASE).</summary>
internal static class StoreComparisonBenchmark
{
    private const int ParametersPerStatement = 30_000;

    public static async Task<int> RunAsync(string home, int count, int rounds, int lanes)
    {
        var inv = CultureInfo.InvariantCulture;
        var server = BenchMachine.RequirePostgresServer();
        var work = Directory.CreateTempSubdirectory("agentic-ir-bench-stores-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        var templates = AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), input, count);
        Console.WriteLine($"store comparison: {count} alerts from {templates} sample templates, {rounds} rounds, {lanes} lanes, server {PostgresConnectionString.Describe(server)}");
        Console.WriteLine($"load average at start: {BenchMachine.LoadAverage()}");

        var warmUp = Path.Combine(work.FullName, "warm-up.jsonl");
        AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), warmUp, 300);
        await ReplayAsync(home, work, warmUp, lanes, null);
        await ReplayAsync(home, work, warmUp, lanes, await BenchMachine.CreateDatabaseAsync(server));

        var sqlite = new List<Run>();
        var postgres = new List<Run>();
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var embedded = await ReplayAsync(home, work, input, lanes, null);
            sqlite.Add(embedded);
            Print($"round {round} sqlite    ", embedded, count);

            var database = await BenchMachine.CreateDatabaseAsync(server);
            var shared = await ReplayAsync(home, work, input, lanes, database);
            postgres.Add(shared);
            Print($"round {round} postgresql", shared, count);

            var (rows, rawSeconds) = await RawInsertAsync(server, database);
            ratios.Add(rawSeconds / shared.Seconds);
            Console.WriteLine($"round {round} raw batched inserts of the same {rows} rows: {rawSeconds.ToString("0.00", inv)} s " +
                $"({(rows / rawSeconds).ToString("0", inv)} rows/s, {(count / rawSeconds).ToString("0", inv)} alerts' worth/s); pipeline / raw = {(rawSeconds / shared.Seconds).ToString("0.00", inv)}");
        }
        Console.WriteLine($"load average at end: {BenchMachine.LoadAverage()}");
        Console.WriteLine($"median sqlite:     {(count / BenchMachine.Median(sqlite.Select(r => r.Seconds))).ToString("0", inv)} alerts/s, {(BenchMachine.Median(sqlite.Select(r => r.CpuSeconds)) * 1000 / count).ToString("0.00", inv)} CPU ms/alert (worker process)");
        Console.WriteLine($"median postgresql: {(count / BenchMachine.Median(postgres.Select(r => r.Seconds))).ToString("0", inv)} alerts/s, {(BenchMachine.Median(postgres.Select(r => r.CpuSeconds)) * 1000 / count).ToString("0.00", inv)} CPU ms/alert (worker process)"
            + (postgres.All(r => r.ServerCpuSeconds is not null) ? $" + {(BenchMachine.Median(postgres.Select(r => r.ServerCpuSeconds!.Value)) * 1000 / count).ToString("0.00", inv)} (server)" : ""));
        Console.WriteLine($"median postgresql / sqlite (same round): {BenchMachine.Median(sqlite.Zip(postgres, (s, p) => s.Seconds / p.Seconds)).ToString("0.00", inv)}x throughput");
        Console.WriteLine($"median pipeline on postgresql / raw batched inserts of its rows: {BenchMachine.Median(ratios).ToString("0.00", inv)}");
        Console.WriteLine($"median transactions per alert on postgresql: {(BenchMachine.Median(postgres.Select(r => (double)r.Transactions!.Value)) / count).ToString("0.0", inv)}");
        work.Delete(recursive: true);
        return 0;
    }

    private sealed record Run(double Seconds, double CpuSeconds, double? ServerCpuSeconds, long Processed, long Merged, long DeadLettered, long AuditRecords, long? Transactions = null);

    private static void Print(string label, Run run, int count) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {run.Seconds:0.00} s ({count / run.Seconds:0} alerts/s), CPU {run.CpuSeconds:0.00} s{(run.ServerCpuSeconds is { } server ? $" + server {server:0.00} s" : "")}{(run.Transactions is { } tx ? $", {tx / (double)count:0.0} transactions per alert" : "")}; processed {run.Processed}, merged {run.Merged}, dead-lettered {run.DeadLettered}, {run.AuditRecords} audit records, chain intact"));

    /// <summary>One replay on a fresh store: SQLite when <paramref name="postgres"/> is null, else that database.</summary>
    private static async Task<Run> ReplayAsync(string home, DirectoryInfo work, string input, int lanes, string? postgres)
    {
        var id = Guid.NewGuid().ToString("N");
        var paths = ResolvedPaths.From(new WorkerOptions
        {
            Home = home,
            DatabasePath = Path.Combine(work.FullName, $"bench-{id}.db"),
            ReportsPath = Path.Combine(work.FullName, "reports-" + id),
        });
        // The pipeline reads its store from the environment, as a worker does.
        Environment.SetEnvironmentVariable("AGENTICIR_STORE", postgres);
        try
        {
            var postmaster = postgres is null ? null : await BenchMachine.PostmasterAsync(postgres);
            ReplayResult result;
            TimeSpan cpu;
            long records;
            var serverBefore = BenchMachine.ServerCpuSeconds(postmaster);
            var transactionsBefore = postgres is null ? 0 : await BenchMachine.TransactionsAsync(postgres);
            await using (var pipeline = await PipelineBuilder.BuildAsync(paths, NullLoggerFactory.Instance, null, CancellationToken.None))
            {
                var runner = new ReplayRunner(pipeline.Normalizer, pipeline.Intake, pipeline.Runner, pipeline.Store, TimeProvider.System);
                var cpuBefore = Environment.CpuUsage.TotalTime;
                result = await runner.RunAsync([input], null, PlaybookMode.Shadow, lanes, NullObserver.Instance, CancellationToken.None);
                cpu = Environment.CpuUsage.TotalTime - cpuBefore;
                // A fast run must not be a broken one.
                var verification = await pipeline.Get<IAuditTrail>().VerifyAsync(null, CancellationToken.None);
                if (!verification.IsIntact) throw new InvalidOperationException($"audit chain broken: {verification.Problem}");
                records = verification.RecordsVerified;
            }
            // The pool is closed now, so its server processes have ended and their CPU is in the postmaster's children
            // total (start-up and the final verification are counted too: a small share of the run).
            await Task.Delay(200);
            var serverAfter = BenchMachine.ServerCpuSeconds(postmaster);
            // Start-up (migrations) and the verification are counted too; the counting queries themselves are two.
            long? transactions = postgres is null ? null : await BenchMachine.TransactionsAsync(postgres) - transactionsBefore - 1;
            return new Run(result.Elapsed.TotalSeconds, cpu.TotalSeconds, serverAfter - serverBefore, result.Count("processed"), result.Count("merged"),
                result.Count("dead_lettered"), records, transactions);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AGENTICIR_STORE", null);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Copies every row the replay left in <paramref name="source"/> into a fresh database migrated to the same
    /// schema, by multi-row INSERTs (up to ~30,000 parameters each, each statement its own transaction) on one
    /// connection; returns the rows and the seconds the inserts took (reading the rows is not counted).</summary>
    private static async Task<(long Rows, double Seconds)> RawInsertAsync(NpgsqlConnectionStringBuilder server, string source)
    {
        var tables = new List<(string Name, string[] Columns, NpgsqlDbType[] Types, List<object[]> Rows)>();
        await using (var from = NpgsqlDataSource.Create(PostgresConnectionString.TryParse(source, out _)!))
        await using (var connection = await from.OpenConnectionAsync())
        {
            var names = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename;", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) names.Add(reader.GetString(0));
            }
            foreach (var name in names)
            {
                await using var select = new NpgsqlCommand($"SELECT * FROM {name};", connection);
                await using var reader = await select.ExecuteReaderAsync();
                var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                var types = Enumerable.Range(0, reader.FieldCount).Select(i => TypeOf(reader.GetDataTypeName(i))).ToArray();
                var rows = new List<object[]>();
                while (await reader.ReadAsync())
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(row);
                }
                tables.Add((name, columns, types, rows));
            }
        }

        var target = await BenchMachine.CreateDatabaseAsync(server);
        await using var to = NpgsqlDataSource.Create(PostgresConnectionString.TryParse(target, out _)!);
        await PostgresMigrator.MigrateAsync(to, TimeProvider.System, CancellationToken.None);
        await using var writer = await to.OpenConnectionAsync();
        // Foreign keys point from these to other tables: their parents go first.
        var order = tables.OrderBy(t => t.Name is "stage_events" or "proposal_decisions" ? 1 : 0).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        await using (var clear = new NpgsqlCommand("DELETE FROM audit_head;", writer)) await clear.ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        long total = 0;
        foreach (var (name, columns, types, rows) in order)
        {
            var perStatement = Math.Max(1, ParametersPerStatement / columns.Length);
            foreach (var chunk in rows.Chunk(perStatement))
            {
                var sql = new System.Text.StringBuilder($"INSERT INTO {name} ({string.Join(", ", columns)}) OVERRIDING SYSTEM VALUE VALUES ");
                await using var insert = new NpgsqlCommand { Connection = writer };
                for (var r = 0; r < chunk.Length; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = types[c], Value = chunk[r][c] });
                        sql.Append(c == 0 ? "$" : ", $").Append(insert.Parameters.Count.ToString(CultureInfo.InvariantCulture));
                    }
                    sql.Append(')');
                }
                insert.CommandText = sql.ToString();
                total += await insert.ExecuteNonQueryAsync();
            }
        }
        watch.Stop();
        return (total, watch.Elapsed.TotalSeconds);
    }

    private static NpgsqlDbType TypeOf(string dataTypeName) => dataTypeName switch
    {
        "text" => NpgsqlDbType.Text,
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "bytea" => NpgsqlDbType.Bytea,
        "boolean" => NpgsqlDbType.Boolean,
        "double precision" => NpgsqlDbType.Double,
        _ => throw new InvalidOperationException($"no mapping for column type {dataTypeName}"),
    };

    private sealed class NullObserver : IReplayObserver
    {
        public static NullObserver Instance { get; } = new();

        public void Started(long totalBytes)
        {
        }

        public void Completed(ReplayLine line, long inputBytes)
        {
        }
    }
}
