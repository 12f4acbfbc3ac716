using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Response;
using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.Tests.Approvals;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.Soar.Tests.WriteBack;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Approvals;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Storage.Sqlite.Governance;
using AgenticIR.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Soar.Tests.Xsoar.Approvals;

/// <summary>The XSOAR simulator (on its own fake clock) with an incident whose investigation holds the pending action A1
/// (block_ip), requested at <see cref="RequestedAt"/>; the real state, bridge and approval-request stores on a temporary
/// SQLite file; a recording audit log and a fake approval service.</summary>
internal sealed class XsoarApprovalBed : IAsyncDisposable
{
    public const string Key = "sim-key-approvals-51c0";
    public const string ApiUser = "svc-agentic-ir";
    public static readonly DateTimeOffset T0 = SampleInvestigation.At;

    private XsoarApprovalBed(BridgeHarness harness, XsoarSimulator simulator, XsoarClient client, FakeTimeProvider simulatorTime)
    {
        Harness = harness;
        Simulator = simulator;
        Client = client;
        SimulatorTime = simulatorTime;
        Requests = new SqliteApprovalRequestStore(harness.Options);
    }

    public BridgeHarness Harness { get; }
    public XsoarSimulator Simulator { get; }
    public XsoarClient Client { get; }
    public FakeTimeProvider SimulatorTime { get; }
    public SqliteApprovalRequestStore Requests { get; }
    public RecordingAuditLog Audit { get; } = new();
    public FakeApprovalService Approvals { get; } = new();
    public string IncidentId { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }

    public static async Task<XsoarApprovalBed> StartAsync(IReadOnlyList<XsoarSeedTask>? tasks = null, TimeSpan? requestedAfterT0 = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(T0);
        var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key, TimeProvider = time }, ct);
        var client = new XsoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 }, new SecretScrubber())
            .Create(XsoarTestClients.Instance(simulator.BaseUrl.AbsoluteUri), new XsoarApiKey(Key));
        var bed = new XsoarApprovalBed(await BridgeHarness.StartAsync(), simulator, client, time);
        simulator.AddUser("analyst1", "Ana Lyst", "Analyst");
        simulator.AddUser("lead1", "Lee Ead", "IR Lead");
        bed.IncidentId = simulator.AddIncident(new XsoarSeedIncident { Name = "C2 beacon", Type = "Malware", Severity = 3, PlaybookId = "Malware Investigation and Response", PlaybookTasks = tasks ?? [] });
        var record = SampleInvestigation.Build() with { Source = new SourceReference("xsoar", "lab", bed.IncidentId) };
        await bed.Harness.State.CreateAsync(record, null, ct);
        var action = record.Plan!.Actions.Single(a => a.ActionId == "A1");
        bed.RequestedAt = T0 + (requestedAfterT0 ?? TimeSpan.Zero);
        await bed.Requests.TryAddAsync(new ApprovalRequest
        {
            InvestigationId = record.Id, ActionId = "A1", LogicalAction = action.LogicalAction, Target = action.Target, Severity = Severity.High,
            Gate = ApprovalClass.RequireApproval, Risk = ActionRisk.Medium, Reversible = true, RequestedAt = bed.RequestedAt,
        }, ct);
        return bed;
    }

    /// <summary>A poller as a fresh process would build it (its user cache empty; the ledger is in the store).</summary>
    public XsoarApprovalPoller Poller() => new(Harness.State, Harness.Store, Approvals, Requests, Audit,
        new XsoarUserDirectory(SimulatorTime), NullLogger<XsoarApprovalPoller>.Instance);

    public Task<ApprovalPassResult> PollAsync(XsoarApprovalChannel channel = XsoarApprovalChannel.WarRoom) =>
        Poller().PollOnceAsync(Client, channel, TestContext.Current.CancellationToken);

    /// <summary>An analyst writes in the war room, a minute after the last thing the simulator saw.</summary>
    public string Write(string user, string text)
    {
        SimulatorTime.Advance(TimeSpan.FromMinutes(1));
        return Simulator.AddAnalystEntry(IncidentId, user, text);
    }

    /// <summary>The replies the bridge posted in the war room.</summary>
    public IReadOnlyList<string> Replies() => [.. Simulator.Entries(IncidentId)
        .Where(e => (string?)e["user"] == ApiUser)
        .Select(e => (string?)e["contents"] ?? "")
        .Where(ApprovalReply.IsReply)];

    /// <summary>Refusals audited outside the approval service.</summary>
    public IReadOnlyList<Core.Audit.AuditEntry> Refusals() => [.. Audit.OfType("approval_answer").Where(e => e.Outcome == "refused")];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
