using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Shadow;

/// <summary>A state store and comparison store on a fresh SQLite file, a fake instance whose container 42 the scenario's
/// playbook and analysts worked on, and a fake clock: what the shadow observer's tests run against.</summary>
internal sealed class ShadowTestBed : IAsyncDisposable
{
    private readonly TempSqliteDatabase _database = new();

    private ShadowTestBed()
    {
    }

    public FakeTimeProvider Time { get; } = new(T0);
    public FakeSoarClient Client { get; } = Instance();
    public SqliteStateStore State { get; private set; } = null!;
    public SqliteShadowComparisonStore Comparisons { get; private set; } = null!;

    public static async Task<ShadowTestBed> CreateAsync(CancellationToken cancellationToken)
    {
        var bed = new ShadowTestBed();
        var options = await bed._database.MigratedAsync(bed.Time, cancellationToken);
        bed.State = new SqliteStateStore(options, bed.Time);
        bed.Comparisons = new SqliteShadowComparisonStore(options);
        bed.Client.Containers[42] = ShadowScenario.Container(disposition: null);
        bed.Client.PlaybookRuns[42] = [.. ShadowScenario.PlaybookRuns()];
        bed.Client.OtherActionRuns.AddRange(ShadowScenario.ActionRuns());
        return bed;
    }

    public ShadowObserver Observer(ShadowOptions? options = null, IOutcomeRecorder? outcomes = null) => new(
        State, Comparisons, new SoarClientDirectory([Client]), new SoarAppDirectory(), new ShadowComparer(Catalog()),
        options ?? new ShadowOptions(), Time, NullLogger<ShadowObserver>.Instance, outcomes);

    /// <summary>Saves a record through its stages as the pipeline would: triaged at +1 s, planned at +13 s.</summary>
    public async Task SaveAsync(InvestigationRecord full, CancellationToken cancellationToken)
    {
        var stored = await State.CreateAsync(full with { Stage = InvestigationStage.Received, Triage = null, Report = null, Plan = null }, null, cancellationToken);
        Time.Advance(TimeSpan.FromSeconds(1));
        stored = await State.SaveAsync(stored with { Stage = InvestigationStage.Triaged, Triage = full.Triage }, null, cancellationToken);
        Time.Advance(TimeSpan.FromSeconds(12));
        await State.SaveAsync(stored with { Stage = InvestigationStage.Planned, Report = full.Report, Plan = full.Plan }, null, cancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
