using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Audit;
using AgenticIR.Governance.Tests.Approvals;
using AgenticIR.Testing.Builders;
using AgenticIR.Testing.Fakes;

namespace AgenticIR.Governance.Tests.Audit;

public sealed class DecisionAuditorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_MessageCarriesTheSavedRecord_AuditsItWithoutReadingTheStore()
    {
        var store = new InMemoryStateStore();
        var (bus, log) = Attach(store);
        var record = Investigated();

        await bus.DeliverAsync(Message(record, MessageType.TriageComplete) with { Record = record }, Ct);
        await bus.DeliverAsync(Message(record, MessageType.InvestigationComplete) with { Record = record }, Ct);

        // The store never held the investigation: every entry came from the record handed over with the message.
        var triage = Assert.Single(log.Batches[0]);
        Assert.Equal(("triage_agent", "decision", record.Id), (triage.AgentName, triage.ActionType, triage.InvestigationId));
        // One message's entries reach the log as one batch: the enrichment queries, then the conclusion.
        Assert.Equal(2, log.Batches.Count);
        Assert.Equal([DecisionAuditor.EnrichmentQueries, "decision"], log.Batches[1].Select(e => e.ActionType));
    }

    [Fact]
    public async Task Deliver_WithOrWithoutTheSavedRecord_WritesTheSameEntries()
    {
        var record = Investigated();
        var store = new InMemoryStateStore();
        var saved = store.Put(record);
        var (fromStoreBus, fromStore) = Attach(store);
        var (handedOverBus, handedOver) = Attach(new InMemoryStateStore());

        foreach (var type in new[] { MessageType.TriageComplete, MessageType.InvestigationComplete })
        {
            await fromStoreBus.DeliverAsync(Message(saved, type), Ct);
            await handedOverBus.DeliverAsync(Message(saved, type) with { Record = saved }, Ct);
        }

        Assert.Equal(3, fromStore.Entries.Count);
        Assert.Equal(fromStore.Entries.Select(Text), handedOver.Entries.Select(Text));
    }

    [Fact]
    public async Task EntriesFor_RecordBeforeTheSaveStampsVersionAndTime_SameEntriesAsDeliveryOfTheSavedOne()
    {
        var before = Planned("kit signature");
        var saved = before with { Version = before.Version + 1, UpdatedAt = before.UpdatedAt.AddMinutes(5) };
        var (bus, log) = Attach(new InMemoryStateStore());
        var auditor = new DecisionAuditor(new InMemoryStateStore(), new RecordingAuditLog());
        MessageType[] types = [MessageType.TriageComplete, MessageType.InvestigationComplete, MessageType.PlanReady];

        foreach (var type in types) await bus.DeliverAsync(Message(saved, type) with { Record = saved }, Ct);
        var computed = types.SelectMany(type => auditor.EntriesFor(Message(saved, type), before)).ToList();

        // Triage, the enrichment queries and the conclusion, and one decision per planned action: nothing else, in order.
        Assert.Equal(5, log.Entries.Count);
        Assert.Equal(log.Entries.Select(Text), computed.Select(Text));
        Assert.True(auditor.Audits(MessageType.PlanReady));
        Assert.False(auditor.Audits(MessageType.InvestigationUpdated));
    }

    [Fact]
    public async Task Deliver_MessageAuditedInItsSave_AppendsNothingButAnotherAuditorsReceiptDoesNotCount()
    {
        var store = new InMemoryStateStore();
        var (bus, log) = Attach(store);
        var record = store.Put(Investigated());
        var audited = Message(record, MessageType.TriageComplete) with
        {
            Audit = new AnnouncementAudit(new DeliveryReceipt(DecisionAuditor.SubscriberName, $"{record.Id}:TriageComplete:{record.Version}"), []),
        };
        var auditedByAnother = Message(record, MessageType.InvestigationComplete) with
        {
            Audit = new AnnouncementAudit(new DeliveryReceipt("another_auditor", $"{record.Id}:InvestigationComplete:{record.Version}"), []),
        };

        // The store holds the investigation, so an auditor that looked would find entries to append.
        await bus.DeliverAsync(audited, Ct);
        Assert.Empty(log.Batches);
        await bus.DeliverAsync(auditedByAnother, Ct);

        Assert.Equal([DecisionAuditor.EnrichmentQueries, "decision"], Assert.Single(log.Batches).Select(e => e.ActionType));
        Assert.Equal([new DeliveryReceipt(DecisionAuditor.SubscriberName, auditedByAnother.Id)], log.Receipts);
    }

    [Fact]
    public async Task Deliver_RecordOfAnotherInvestigation_ReadsTheStoreInstead()
    {
        var store = new InMemoryStateStore();
        var (bus, log) = Attach(store);
        var record = store.Put(Investigated());
        var other = Investigated() with { Id = "inv-other" };

        await bus.DeliverAsync(Message(record, MessageType.TriageComplete) with { Record = other }, Ct);

        Assert.Equal(record.Id, Assert.Single(log.Entries).InvestigationId);
    }

    [Fact]
    public async Task Deliver_SameMessageAgainAfterACrash_AuditedOnce()
    {
        var store = new InMemoryStateStore();
        var (bus, log) = Attach(store);
        var record = store.Put(Investigated());
        var message = Message(record, MessageType.InvestigationComplete);

        await bus.DeliverAsync(message with { Record = record }, Ct);
        // Redelivered from the outbox: no record in hand, same message id.
        await bus.DeliverAsync(message, Ct);

        Assert.Equal([DecisionAuditor.EnrichmentQueries, "decision"], log.Entries.Select(e => e.ActionType));
        Assert.Equal([new DeliveryReceipt(DecisionAuditor.SubscriberName, message.Id)], log.Receipts);
    }

    [Fact]
    public async Task Deliver_InvestigationComplete_ListsEveryQueryInStepOrderInOneRecord()
    {
        var (bus, log) = Attach(new InMemoryStateStore());
        var record = Investigated();

        await bus.DeliverAsync(Message(record, MessageType.InvestigationComplete) with { Record = record }, Ct);

        var queries = Assert.Single(log.Entries, e => e.ActionType == DecisionAuditor.EnrichmentQueries);
        Assert.Equal(record.Id, queries.InvestigationId);
        // Each query with its tool, observable and verdict; a result that repeats the queried value names it once.
        Assert.Equal(
            [
                new KeyValuePair<string, string>("query_01", "url_reputation url:https://login.example.test → malicious (0.95)"),
                new KeyValuePair<string, string>("query_02", "mail_recipients message-id-1 → 2 recipients"),
            ],
            queries.Details.OrderBy(d => d.Key, StringComparer.Ordinal));
        Assert.Equal("2 queries, 3 api calls", queries.Outcome);
        Assert.Matches("^[0-9a-f]{64}$", queries.EvidenceHash);
    }

    [Fact]
    public async Task Deliver_AStepChangedAfterwards_EvidenceHashDiffers()
    {
        var record = Investigated();
        var changed = record with
        {
            Report = record.Report! with { Steps = [.. record.Report.Steps.Select(s => s.Number == 2 ? s with { Reason = "another reason" } : s)] },
        };
        var (originalBus, original) = Attach(new InMemoryStateStore());
        var (changedBus, afterwards) = Attach(new InMemoryStateStore());

        await originalBus.DeliverAsync(Message(record, MessageType.InvestigationComplete) with { Record = record }, Ct);
        await changedBus.DeliverAsync(Message(changed, MessageType.InvestigationComplete) with { Record = changed }, Ct);

        // The listing leaves reasons out, yet the record still attests them: its evidence hash covers the steps in full.
        var before = Assert.Single(original.Entries, e => e.ActionType == DecisionAuditor.EnrichmentQueries);
        var after = Assert.Single(afterwards.Entries, e => e.ActionType == DecisionAuditor.EnrichmentQueries);
        Assert.Equal(before.Details, after.Details);
        Assert.NotEqual(before.EvidenceHash, after.EvidenceHash);
    }

    [Fact]
    public async Task Deliver_PlanReady_JustifiesEachActionByItsFindingsTitlesAndAttestsTheirEvidenceByHash()
    {
        var record = Planned("kit signature seen on 3 hosts");
        var changedEvidence = Planned("another evidence text");
        var (bus, log) = Attach(new InMemoryStateStore());
        var (otherBus, otherLog) = Attach(new InMemoryStateStore());

        await bus.DeliverAsync(Message(record, MessageType.PlanReady) with { Record = record }, Ct);
        await otherBus.DeliverAsync(Message(changedEvidence, MessageType.PlanReady) with { Record = changedEvidence }, Ct);

        var cited = Assert.Single(log.Entries, e => e.Target == "block_url:https://login.example.test");
        // The finding is named with its kind, verdict, confidence and title; its evidence text is the report's, not repeated here.
        Assert.Equal("f-1 (malicious_url, malicious, confidence 0.90): Phishing URL", cited.Justification);
        Assert.DoesNotContain("kit signature", cited.Justification, StringComparison.Ordinal);
        // The evidence is still attested: the same plan over different evidence hashes differently.
        Assert.NotEqual(cited.EvidenceHash, Assert.Single(otherLog.Entries, e => e.Target == cited.Target).EvidenceHash);
        // An action citing no finding of the report keeps the plan's own justification.
        Assert.Equal("test notify", Assert.Single(log.Entries, e => e.Target == "notify:kpatel@corp.example").Justification);
    }

    private static InvestigationRecord Planned(string evidence)
    {
        var record = Investigated();
        var block = Records.Action("A1", "block_url", new Observable(ObservableType.Url, "https://login.example.test", "url")) with
        {
            FindingIds = ["f-1"],
            Justification = $"f-1 (malicious_url, malicious, confidence 0.90): Phishing URL. Evidence: {evidence}",
        };
        var notify = Records.Action("A2", "notify", new Observable(ObservableType.Email, "kpatel@corp.example", "recipient"));
        return record with
        {
            Stage = InvestigationStage.Planned,
            Report = record.Report! with { Findings = [record.Report.Findings[0] with { Kind = "malicious_url", Evidence = evidence }] },
            Plan = new ResponsePlan { Actions = [block, notify], EstimatedContainmentTime = TimeSpan.Zero },
        };
    }

    private static (RecordingMessageBus Bus, RecordingAuditLog Log) Attach(InMemoryStateStore store)
    {
        var bus = new RecordingMessageBus();
        var log = new RecordingAuditLog();
        new DecisionAuditor(store, log).Attach(bus);
        return (bus, log);
    }

    private static string Text(AuditEntry e) =>
        $"{e.AgentName}|{e.ActionType}|{e.Target}|{e.Justification}|{e.ApprovalStatus}|{e.ApproverIdentity}|{e.Outcome}|{e.EvidenceHash}|{e.InvestigationId}|" +
        string.Join(";", e.Details.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private static BusMessage Message(InvestigationRecord record, MessageType type) => new()
    {
        Id = $"{record.Id}:{type}:{record.Version}",
        Type = type,
        InvestigationId = record.Id,
        Summary = type.ToString(),
        CreatedAt = record.UpdatedAt,
    };

    private static InvestigationRecord Investigated()
    {
        var alert = Records.Alert("PH-1",
            new Observable(ObservableType.Url, "https://login.evil-login.example/owa/auth?u=kpatel", "url"),
            new Observable(ObservableType.Email, "it-desk@notice.example", "sender"),
            new Observable(ObservableType.Email, "kpatel@corp.example", "recipient")) with
        {
            Title = "User reported phishing: mailbox storage full", RuleName = "User Reported Phishing", Category = "phishing", SourceSeverity = Severity.Medium,
        };
        return Records.Investigation("inv-" + alert.AlertId) with
        {
            Alerts = [alert],
            Stage = InvestigationStage.Investigated,
            Version = 4,
            Triage = new TriageResult
            {
                AlertId = alert.AlertId,
                Severity = Severity.High,
                Confidence = 0.82,
                Score = 71,
                Path = InvestigationPath.Autonomous,
                Signals = [new TriageSignal("url_reputation", 0.4, 0.9, "known phishing kit")],
                Reasoning = "Credential harvesting page reached by two users.",
            },
            Report = new InvestigationReport
            {
                Steps =
                [
                    new InvestigationStep { Number = 1, Tool = "url_reputation", Query = "url:https://login.example.test", Reason = "rate the link", Result = "https://login.example.test: malicious (0.95)", DurationMs = 1.5, Confidence = 0.8, FindingIds = ["f-1"] },
                    new InvestigationStep { Number = 2, Tool = "mail_recipients", Query = "message-id-1", Reason = "who received it", Result = "2 recipients", DurationMs = 0.5, Confidence = 0.7, ApiCalls = 2 },
                ],
                Findings = [new Finding { Id = "f-1", Title = "Phishing URL", Verdict = Verdict.Malicious, Confidence = 0.9, Evidence = "kit signature", Tool = "url_reputation" }],
                Confidence = 0.88,
                StopReason = StopReason.ConfidenceReached,
                BlastRadius = new BlastRadius(),
            },
        };
    }
}
