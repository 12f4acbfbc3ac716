using AgenticIR.Core.Audit;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresAuditLogTests : AuditTrailContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IAuditTrail> CreateTrailAsync() => (await _database.OpenAsync(Time)).CreateAuditTrail();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
