using AgenticIR.Storage.Postgres.Retention;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Postgres.Audit;
using AgenticIR.Storage.Postgres.Controls;
using AgenticIR.Storage.Postgres.Governance;
using AgenticIR.Storage.Postgres.Metrics;
using AgenticIR.Storage.Postgres.ModeOverrides;
using AgenticIR.Storage.Postgres.Outbox;
using AgenticIR.Storage.Postgres.PolicyVersions;
using AgenticIR.Storage.Postgres.SoarBridge;
using AgenticIR.Storage.Postgres.SoarDispatch;
using AgenticIR.Storage.Postgres.Workers;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>Every store on one PostgreSQL database through one <see cref="NpgsqlDataSource"/> (one connection pool for the
/// process, bounded by <see cref="PostgresStoreOptions.MaxPoolSize"/>). Their tables come from the state store's
/// migrations, applied by <see cref="IStateStore.InitializeAsync"/>, which the host calls once before use.</summary>
internal sealed class PostgresStoreBackend : StoreBackend, IDisposable, IAsyncDisposable
{
    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _time;

    public PostgresStoreBackend(PostgresStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        DataSource = new NpgsqlDataSourceBuilder(options.Build().ConnectionString).Build();
    }

    /// <summary>The process's pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    public override IStateStore CreateStateStore() => new PostgresStateStore(DataSource, _time, _options.AfterCommit);

    public override IAuditTrail CreateAuditTrail() => new PostgresAuditLog(DataSource, _time);

    public override IMessageOutbox CreateMessageOutbox() => new PostgresMessageOutbox(DataSource, _time, _options.AfterCommit);

    public override IRetentionStore CreateRetention() => new PostgresRetentionStore(DataSource, _options.AfterCommit);

    public override IGovernanceControlStore CreateGovernanceControls() => new PostgresGovernanceControlStore(DataSource);

    public override IApprovalRequestStore CreateApprovalRequests() => new PostgresApprovalRequestStore(DataSource);

    public override PolicyVersionPorts CreatePolicyVersions()
    {
        var store = new PostgresPolicyVersionStore(DataSource);
        return new PolicyVersionPorts(store, store);
    }

    public override ISoarBridgeStore CreateSoarBridge() => new PostgresSoarBridgeStore(DataSource, _time);

    public override IDispatchLedger CreateDispatchLedger() => new PostgresDispatchLedger(DataSource);

    public override IShadowComparisonStore CreateShadowComparisons() => new PostgresShadowComparisonStore(DataSource);

    public override IMetricsOutbox CreateMetricsOutbox() => new PostgresMetricsOutbox(DataSource, _time);

    public override IPlaybookModeOverrides CreatePlaybookModeOverrides() => new PostgresPlaybookModeOverrideStore(DataSource);

    public override IWorkerRegistry CreateWorkerRegistry() => new PostgresWorkerRegistry(DataSource, _time);

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
