using AgenticIR.Core.Audit;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;
using Npgsql;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The audit-in-save contract on a fresh PostgreSQL database per test; each worker is a back end with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresAuditInSaveTests : AuditInSaveContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<(IStateStore Store, IAuditTrail Trail)> CreateWorkerAsync()
    {
        var backend = await _database.OpenAsync(Time);
        var trail = backend.CreateAuditTrail();
        var store = backend.CreateStateStore(trail);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return (store, trail);
    }

    protected override async Task BreakAuditAppendsAsync()
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            """
            CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
            CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records FOR EACH ROW EXECUTE FUNCTION refuse_audit();
            """, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AuditsInSave_TrailOfAnotherDatabase_False()
    {
        await using var other = new TempPostgresDatabase();
        var elsewhere = (await other.OpenAsync(Time)).CreateAuditTrail();
        var backend = await _database.OpenAsync(Time);

        Assert.False(backend.CreateStateStore(elsewhere).AuditsInSave);
        Assert.False(backend.CreateStateStore().AuditsInSave);
        Assert.True(backend.CreateStateStore(backend.CreateAuditTrail()).AuditsInSave);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
