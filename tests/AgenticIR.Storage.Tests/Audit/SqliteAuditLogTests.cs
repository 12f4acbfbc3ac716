using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing;
using AgenticIR.Testing.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>The contract suite on a fresh SQLite file per test, each trail with its own write gate and connection pool
/// (so two of them stand in for two processes), and what is particular to the SQLite schema and registration.</summary>
public sealed class SqliteAuditLogTests : AuditTrailContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();
    private readonly List<SqliteAuditLog> _logs = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override async Task<IAuditTrail> CreateTrailAsync()
    {
        var options = await _database.MigratedAsync();
        // A busy timeout of its own gives each instance its own connection pool, as a second process would have.
        var log = new SqliteAuditLog(new SqliteStoreOptions { Path = options.Path, BusyTimeout = TimeSpan.FromSeconds(30 + _logs.Count) }, Time, ownWriteGate: true);
        _logs.Add(log);
        return log;
    }

    public void Dispose()
    {
        foreach (var log in _logs) log.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Schema_PolicyRequiredFields_AreAllColumnsOfAuditRecords()
    {
        await CreateTrailAsync();
        var required = PolicyRequiredFields();

        await using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('audit_records');";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) columns.Add(reader.GetString(0));
        }

        Assert.Equal(9, required.Count);
        Assert.All(required, field => Assert.Contains(field, columns));
    }

    [Fact]
    public void AddSqliteAuditLog_CalledTwice_RegistersOneSingletonForEachPort()
    {
        var services = new ServiceCollection();

        services.AddSqliteAuditLog(new SqliteStoreOptions { Path = "audit.db" });
        services.AddSqliteAuditLog(new SqliteStoreOptions { Path = "elsewhere.db" });

        foreach (var port in new[] { typeof(SqliteAuditLog), typeof(IAuditTrail), typeof(IAuditLog) })
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == port);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }
    }

    /// <summary>The names under <c>audit_trail.fields_required</c> in the shipped policy.</summary>
    private static List<string> PolicyRequiredFields()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Config, "governance.yaml"));
        var start = Array.FindIndex(lines, l => l.Trim() == "fields_required:");
        Assert.True(start > 0, "fields_required not found in config/governance.yaml");
        return lines.Skip(start + 1).TakeWhile(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l.Trim()[2..].Trim()).ToList();
    }
}
