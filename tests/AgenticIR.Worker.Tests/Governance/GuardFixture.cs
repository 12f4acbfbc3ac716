using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Definitions.Policy;
using AgenticIR.Governance.Controls;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Controls;
using AgenticIR.Testing;
using AgenticIR.Testing.Builders;
using AgenticIR.Testing.Fakes;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.Governance;

/// <summary>A dispatch guard over a real control store, with recording audit, bus and notifier.</summary>
internal sealed class GuardFixture : IAsyncDisposable
{
    private readonly TempSqliteDatabase _database = new("agentic-ir-guard-");

    private GuardFixture(GovernancePolicy policy)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        Options = _database.Options;
        Controls = new SqliteGovernanceControlStore(Options);
        var provider = new FixedPolicyProvider(policy);
        KillSwitches = new KillSwitchService(Controls, Audit, Notifier, provider, Time);
        Guard = new GovernanceDispatchGuard(Controls, KillSwitches, provider, Bus, Audit, Notifier, Time);
    }

    public FakeTimeProvider Time { get; }
    public SqliteStoreOptions Options { get; }
    public SqliteGovernanceControlStore Controls { get; }
    public KillSwitchService KillSwitches { get; }
    public GovernanceDispatchGuard Guard { get; }
    public RecordingAuditLog Audit { get; } = new();
    public RecordingGovernanceNotifier Notifier { get; } = new();
    public RecordingMessageBus Bus { get; } = new();

    public static GovernancePolicy ShippedPolicy() => GovernancePolicyLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"));

    public static async Task<GuardFixture> CreateAsync(Func<GovernancePolicy, GovernancePolicy>? adjust = null)
    {
        var policy = ShippedPolicy();
        var fixture = new GuardFixture(adjust is null ? policy : adjust(policy));
        await fixture._database.MigratedAsync(fixture.Time, TestContext.Current.CancellationToken);
        return fixture;
    }

    public static InvestigationRecord Investigation(string id = "inv-1", params ResponseAction[] actions) =>
        Records.Investigation(id, InvestigationStage.Responding, actions) with
        {
            Plan = new ResponsePlan { Actions = actions, EstimatedContainmentTime = TimeSpan.Zero },
        };

    public static ResponseAction Action(string id, string logical = "block_ip", ObservableType type = ObservableType.Ipv4, string target = "203.0.113.10",
        ApprovalStatus status = ApprovalStatus.AutoApproved, ActionRisk risk = ActionRisk.Medium) =>
        Records.Action(id, logical, new Observable(type, target), status) with { Risk = risk, ApprovalClass = ApprovalClass.RequireApproval };

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
