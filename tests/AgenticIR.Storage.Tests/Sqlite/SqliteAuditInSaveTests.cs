using AgenticIR.Core.Audit;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Tests.Sqlite;

/// <summary>The audit-in-save contract on one SQLite file per test; each worker is a back end of its own on the file.</summary>
public sealed class SqliteAuditInSaveTests : AuditInSaveContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();
    private readonly List<IDisposable> _trails = [];

    protected override async Task<(IStateStore Store, IAuditTrail Trail)> CreateWorkerAsync()
    {
        var backend = new SqliteStoreBackend(_database.Options, Time);
        var trail = backend.CreateAuditTrail();
        _trails.Add((IDisposable)trail);
        var store = backend.CreateStateStore(trail);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return (store, trail);
    }

    protected override async Task BreakAuditAppendsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records BEGIN SELECT RAISE(ABORT, 'audit refused'); END;";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AuditsInSave_TrailOnAnotherFile_False()
    {
        using var other = new TempSqliteDatabase();
        using var trail = new SqliteAuditLog(other.Options, Time);

        Assert.False(new SqliteStateStore(_database.Options, Time, trail).AuditsInSave);
        Assert.True(new SqliteStateStore(_database.Options, Time, new SqliteAuditLog(_database.Options, Time)).AuditsInSave);
    }

    public void Dispose()
    {
        foreach (var trail in _trails) trail.Dispose();
        _database.Dispose();
    }
}
