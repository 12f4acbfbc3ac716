using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Governance.Audit;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.AuditTrail;

public sealed class DecisionAuditTests
{
    [Fact]
    public async Task Replay_OneAlert_EveryDecisionAndEnrichmentQueryAuditedInAnIntactChain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var record = await ReplayPhishAsync(harness, ct);
        var trail = harness.Pipeline.Get<IAuditTrail>();

        var records = new List<AuditRecord>();
        await foreach (var r in trail.StreamAsync(new AuditQuery { InvestigationId = record.Id }, ct)) records.Add(r);

        Assert.Single(records, r => r.Entry.AgentName == "triage_agent" && r.Entry.ActionType == "decision");
        // The queries in one record, one listed detail per step.
        var queries = Assert.Single(records, r => r.Entry.ActionType == DecisionAuditor.EnrichmentQueries);
        Assert.Equal(record.Report!.Steps.Count, queries.Entry.Details.Count);
        Assert.Single(records, r => r.Entry.AgentName == "investigation_agent" && r.Entry.ActionType == "decision");
        var planned = records.Where(r => r.Entry.AgentName == "response_orchestrator" && r.Entry.ActionType == "decision").ToList();
        Assert.Equal(record.Plan!.Actions.Count, planned.Count);
        Assert.All(planned, r => Assert.Matches("^[0-9a-f]{64}$", r.Entry.EvidenceHash));
        Assert.All(planned, r => Assert.False(string.IsNullOrEmpty(r.Entry.Justification)));
        Assert.True((await trail.VerifyAsync(null, ct)).IsIntact);
    }

    [Fact]
    public async Task Replay_EmbeddedStore_DecisionsWrittenInTheStagesSavesWithTheirReceipts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var record = await ReplayPhishAsync(harness, ct);
        var trail = harness.Pipeline.Get<IAuditTrail>();

        // The host's store appends the auditor's records in the save that announces them.
        Assert.True(harness.Pipeline.Get<IStateStore>().AuditsInSave);
        Assert.IsType<DecisionAuditor>(harness.Pipeline.Get<IMessageBus>().SaveAuditor);
        // Each audited message's receipt was kept with its records: auditing it again (a redelivery) writes nothing.
        var messages = await harness.Pipeline.Get<IStateStore>().ListMessagesAsync(record.Id, ct);
        var triage = Assert.Single(messages, m => m.Type == MessageType.TriageComplete);
        var before = await trail.ReadHeadAsync(ct);
        Assert.Empty(await trail.AppendBatchAsync([new AuditEntry { AgentName = "triage_agent", ActionType = "decision" }],
            new DeliveryReceipt(DecisionAuditor.SubscriberName, triage.Id), ct));
        Assert.Equal(before, await trail.ReadHeadAsync(ct));
    }

    // One alert of the samples replayed; its investigation as saved.
    private static async Task<InvestigationRecord> ReplayPhishAsync(ReplayHarness harness, CancellationToken ct)
    {
        var run = await harness.ReplayAsync([Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json")], ct);
        return await harness.InvestigationAsync(Assert.Single(run.Lines).InvestigationId!, ct);
    }
}
