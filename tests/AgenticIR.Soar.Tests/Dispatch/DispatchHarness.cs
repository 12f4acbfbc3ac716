using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Dispatch;

/// <summary>A fresh SQLite file (state store migrations applied), the real dispatch ledger on it, and a fake instance.
/// <see cref="NewDispatcher"/> builds a dispatcher as a restarted worker would: new caches, same ledger file.</summary>
internal sealed class DispatchHarness : IAsyncDisposable
{
    private readonly TempSqliteDatabase _database = new();

    private DispatchHarness(IActionCatalog catalog, FakeSoarClient client)
    {
        Catalog = catalog;
        Client = client;
        Options = _database.Options;
        Ledger = new SqliteDispatchLedger(Options);
    }

    public IActionCatalog Catalog { get; }
    public FakeSoarClient Client { get; }
    public SqliteStoreOptions Options { get; }
    public SqliteDispatchLedger Ledger { get; }
    public AutoAdvancingTimeProvider Time { get; } = new(SoarTestData.T0);
    public SplunkSoarDispatchOptions DispatchOptions { get; } = new();

    public static async Task<DispatchHarness> CreateAsync(IActionCatalog? catalog = null, FakeSoarClient? client = null)
    {
        var harness = new DispatchHarness(catalog ?? SoarTestData.Catalog(), client ?? SoarTestData.Instance());
        await harness._database.MigratedAsync(harness.Time, TestContext.Current.CancellationToken);
        return harness;
    }

    public SplunkSoarActionDispatcher NewDispatcher() => new(
        new SoarClientDirectory([Client]), Catalog, Ledger, new SoarAppDirectory(), DispatchOptions, Time,
        NullLogger<SplunkSoarActionDispatcher>.Instance);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
