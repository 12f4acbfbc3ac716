using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>Attacker- and analyst-written text in every PostgreSQL store that keeps it: NUL (which PostgreSQL text cannot
/// hold), CR/LF, controls and unpaired surrogates come back as written (a surrogate as U+FFFD, as on SQLite), and a
/// write never fails because of them.</summary>
public sealed class PostgresExactTextTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempPostgresDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Cases => new(HostileText.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StateStore_HostileAlertIdReasonPayloadAndSummary_ReadBackExactly(string name)
    {
        var hostile = HostileText.Get(name);
        var expected = AuditCanonicalEncoding.CanonicalText(hostile);
        var store = (await _database.OpenAsync()).CreateStateStore();
        var intake = SampleRecords.Intake("file:a.json", "inv-1", T0) with { AlertId = hostile };
        var merged = SampleRecords.Intake("file:b.json", null, T0, IntakeStatus.DeadLettered) with { Reason = hostile };
        var letter = new DeadLetter { Source = "file:" + hostile, Reason = hostile, Payload = hostile, PayloadSha256 = "", CreatedAt = T0 };

        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", T0), intake, Ct);
        await store.RecordDeadLetterAsync(merged, letter, Ct);
        await store.AppendMessageAsync(new BusMessage
        {
            Id = "inv-1:triage_complete:1", Type = MessageType.TriageComplete, InvestigationId = "inv-1", Summary = hostile, CreatedAt = T0,
        }, Ct);

        Assert.Equal(expected, (await store.GetIntakeAsync("file:a.json", Ct))!.AlertId);
        Assert.Equal(expected, (await store.GetIntakeAsync("file:b.json", Ct))!.Reason);
        var stored = Assert.Single(await store.ListDeadLettersAsync(10, Ct));
        Assert.Equal((expected, expected, "file:" + expected), (stored.Payload, stored.Reason, stored.Source));
        Assert.Equal(expected, Assert.Single(await store.ListMessagesAsync("inv-1", Ct)).Summary);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ActionTargetsAndComments_HostileText_ReadBackExactly(string name)
    {
        var hostile = HostileText.Get(name);
        var expected = AuditCanonicalEncoding.CanonicalText(hostile);
        var backend = await _database.OpenAsync();
        var approvals = backend.CreateApprovalRequests();
        var ledger = backend.CreateDispatchLedger();
        var bridge = backend.CreateSoarBridge();
        var metrics = backend.CreateMetricsOutbox();

        await approvals.TryAddAsync(new ApprovalRequest
        {
            InvestigationId = "inv-1", ActionId = "A1", LogicalAction = "disable_user", Target = new Observable(ObservableType.User, hostile),
            Severity = Severity.High, Gate = ApprovalClass.RequireSeniorApproval, Risk = ActionRisk.High, Reversible = true, RequestedAt = T0,
            Deadline = T0.AddMinutes(5), RequiredTier = "ir_lead",
        }, Ct);
        await ledger.TryBeginAsync(new DispatchLedgerEntry
        {
            DispatchKey = "k1", Platform = "splunk_soar", Instance = "prod", ContainerId = "42", InvestigationId = "inv-1", ActionId = "A1",
            LogicalAction = "disable_user", Target = hostile, ParametersJson = "{}", RunName = "agentic-ir:k1", State = DispatchLedgerState.Sending,
            CreatedAt = T0, UpdatedAt = T0,
        }, Ct);
        await bridge.SaveCommentAsync(new SoarCommentEntry("prod", 42, 7, true, hostile, SoarCommentState.Answered), Ct);
        await metrics.EnqueueAsync("e1", "agentic_ir:metric", T0, "{}", Ct);
        var pending = Assert.Single(await metrics.ListPendingAsync(10, Ct));
        await metrics.RecordFailureAsync([pending.Id], hostile, Ct);

        Assert.Equal(expected, (await approvals.GetAsync("inv-1", "A1", Ct))!.Target.Value);
        Assert.Equal(expected, (await ledger.GetAsync("k1", Ct))!.Target);
        Assert.Equal(expected, (await bridge.GetCommentAsync("prod", 42, 7, Ct))!.Message);
        Assert.Equal(expected, Assert.Single(await metrics.ListPendingAsync(10, Ct)).LastError);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
