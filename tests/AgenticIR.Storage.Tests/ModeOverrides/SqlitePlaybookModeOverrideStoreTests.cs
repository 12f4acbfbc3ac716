using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Sqlite.ModeOverrides;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.ModeOverrides;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqlitePlaybookModeOverrideStoreTests : PlaybookModeOverridesContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IPlaybookModeOverrides> CreateStoreAsync() => new SqlitePlaybookModeOverrideStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
