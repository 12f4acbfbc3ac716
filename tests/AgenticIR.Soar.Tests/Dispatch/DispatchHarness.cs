using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Dispatch;

/// <summary>A fresh SQLite file (state store migrations applied), the real dispatch ledger on it, and a fake instance.
/// <see cref="NewDispatcher"/> builds a dispatcher as a restarted worker would: new caches, same ledger file.</summary>
internal sealed class DispatchHarness : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    private DispatchHarness(IActionCatalog catalog, FakeSoarClient client)
    {
        Catalog = catalog;
        Client = client;
        Options = new SqliteStoreOptions { Path = Path.Combine(_directory, "state.db") };
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
        await new SqliteStateStore(harness.Options, harness.Time).InitializeAsync(TestContext.Current.CancellationToken);
        return harness;
    }

    public SplunkSoarActionDispatcher NewDispatcher() => new(
        new SoarClientDirectory([Client]), Catalog, Ledger, new SoarAppDirectory(), DispatchOptions, Time,
        NullLogger<SplunkSoarActionDispatcher>.Instance);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
