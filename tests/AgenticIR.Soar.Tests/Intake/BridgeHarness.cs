using AgenticIR.Agents.Bus;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Outbox;
using AgenticIR.Storage.Sqlite.SoarBridge;
using AgenticIR.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Soar.Tests.Intake;

/// <summary>The bridge's parts over a fake SOAR, with the real state store and bridge store on a temporary file.</summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    private static readonly Lazy<MappingNormalizer> SharedNormalizer = new(() => MappingNormalizer.Load(RepoPaths.Mappings));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    private BridgeHarness(IPlaybookCatalog playbooks)
    {
        Playbooks = playbooks;
        Options = new SqliteStoreOptions { Path = Path.Combine(_directory, "state.db") };
        State = new SqliteStateStore(Options, Time);
        Store = new SqliteSoarBridgeStore(Options, Time);
        Bus = new InProcessMessageBus(State, new SqliteMessageOutbox(Options, Time), new OutboxDeliveryOptions(), Time, NullLogger<InProcessMessageBus>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    public FakeSoarClient Client { get; } = new();
    public FakeIntake Intake { get; set; } = new();
    public IPlaybookCatalog Playbooks { get; }
    public SqliteStoreOptions Options { get; }
    public SqliteStateStore State { get; }
    public SqliteSoarBridgeStore Store { get; }
    public InProcessMessageBus Bus { get; }
    public SplunkSoarBridgeOptions BridgeOptions { get; set; } = new() { PageSize = 100 };
    public static IAlertNormalizer Normalizer => SharedNormalizer.Value;

    public static async Task<BridgeHarness> StartAsync(IPlaybookCatalog? playbooks = null)
    {
        var harness = new BridgeHarness(playbooks ?? Catalog(Entry("phishing", PlaybookMode.Shadow, "phishing")));
        await harness.State.InitializeAsync(CancellationToken.None);
        return harness;
    }

    public static PlaybookEntry Entry(string name, PlaybookMode mode, string? label = null, string? playbook = null) =>
        new(name, new PlaybookMatch(null, label is null ? [] : [label], playbook is null ? [] : [playbook]), mode, new Dictionary<Severity, PlaybookMode>());

    public static PlaybookCatalog Catalog(params PlaybookEntry[] entries) => new(entries);

    public SoarClientDirectory Clients => new([Client]);

    public ContainerPoller Poller() =>
        new(Clients, Playbooks, new SqliteSoarBridgeStore(Options, Time), State, Normalizer, Intake, BridgeOptions, Time, NullLogger<ContainerPoller>.Instance);

    public WriteBackService WriteBack() => new(Clients, new SqliteSoarBridgeStore(Options, Time), BridgeOptions, NullLogger<WriteBackService>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still open on some platforms; the temp folder is left for the OS to clean.
        }
    }
}
