using System.Text.Json;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Tests.Support;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Splunk.Tests.Events;

public sealed class MetricsEventFactoryTests
{
    [Fact]
    public void ForInvestigation_DocumentedRecord_EmitsInvestigationResponsePerActionIncidentAndLearning()
    {
        var events = MetricsEventFactory.ForInvestigation(TestRecords.Documented(), TestRecords.Stages());

        Assert.Equal(
            ["investigation_metrics", "response_metrics", "response_metrics", "response_metrics", "incident_metrics", "learning_metrics"],
            events.Select(e => e.Sourcetype));
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{32}$", e.EventId));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void ForInvestigation_ModelConsulted_OneModelUsageEventWithCallsTokensFallbacksLatencyAndModelName()
    {
        var events = MetricsEventFactory.ForInvestigation(TestRecords.DocumentedWithModel(), TestRecords.Stages());

        var body = EventJson.Body(EventJson.Single(events, "llm_usage"));
        Assert.Equal("inv-1", body.GetProperty("investigation_id").GetString());
        Assert.Equal("qwen2.5:7b-instruct", body.GetProperty("model").GetString());
        Assert.Equal(3, body.GetProperty("calls").GetInt32());
        Assert.Equal(2_100, body.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(240, body.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(2_340, body.GetProperty("total_tokens").GetInt32());
        Assert.Equal(1, body.GetProperty("fallbacks").GetInt32());
        Assert.Equal(4_250, body.GetProperty("latency_ms").GetInt64());
        // Usage figures only: the notes (reasons) stay in the report and the audit trail, and no key is anywhere near.
        Assert.False(body.TryGetProperty("notes", out _));
        Assert.DoesNotContain("key", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ForInvestigation_NoModelOrNotYetDocumented_NoModelUsageEvent()
    {
        Assert.DoesNotContain(MetricsEventFactory.ForInvestigation(TestRecords.Documented(), TestRecords.Stages()), e => e.Sourcetype == "llm_usage");
        var investigating = TestRecords.DocumentedWithModel() with { Stage = InvestigationStage.Investigated };
        Assert.DoesNotContain(MetricsEventFactory.ForInvestigation(investigating, TestRecords.Stages()), e => e.Sourcetype == "llm_usage");
    }

    [Fact]
    public void ForInvestigation_SameRecordTwice_SameEventIds()
    {
        var first = MetricsEventFactory.ForInvestigation(TestRecords.Documented(), TestRecords.Stages());
        var second = MetricsEventFactory.ForInvestigation(TestRecords.Documented(), TestRecords.Stages());

        Assert.Equal(first.Select(e => e.EventId), second.Select(e => e.EventId));
    }

    [Fact]
    public void Investigation_StagesKnown_StartIsReceiptAndEndIsInvestigatedInEpochSeconds()
    {
        var body = EventJson.Body(EventJson.Single(MetricsEventFactory.ForInvestigation(TestRecords.Documented(), TestRecords.Stages()), "investigation_metrics"));

        var start = TestRecords.Created.ToUnixTimeSeconds();
        Assert.Equal(start, body.GetProperty("investigation_start").GetDouble());
        Assert.Equal(start + 90, body.GetProperty("investigation_end").GetDouble());
        Assert.Equal("high", body.GetProperty("severity").GetString());
        Assert.Equal("autonomous", body.GetProperty("investigation_path").GetString());
        Assert.Equal(2, body.GetProperty("data_sources").GetInt32());
        Assert.Equal(3, body.GetProperty("api_calls").GetInt32());
        Assert.Equal("confidence_reached", body.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public void Investigation_NoStageEvents_EndFallsBackToSumOfStepDurations()
    {
        var metrics = MetricsEventFactory.Investigation(TestRecords.Documented(), []);

        Assert.NotNull(metrics);
        Assert.Equal(2.0, metrics.InvestigationDurationSeconds);
    }

    [Fact]
    public void Responses_ExecutedPendingAutoApproved_StatusesAndContainmentFromPlanToFinish()
    {
        var responses = MetricsEventFactory.Responses(TestRecords.Documented(), TestRecords.Stages());

        Assert.Equal(["executed", "pending_approval", "auto_approved"], responses.Select(r => r.ActionStatus));
        // Planned at +120 s, finished at +3 min 40 s.
        Assert.Equal(100, responses[0].ContainmentTimeSeconds);
        Assert.Null(responses[1].ContainmentTimeSeconds);
        Assert.True(responses[0].Dispatched);
        Assert.False(responses[2].Dispatched);
        Assert.Equal("ipv4", responses[0].TargetType);
        Assert.Equal("phishing_triage", responses[0].Playbook);
    }

    [Fact]
    public void Incident_PendingAction_CountsAsHumanIntervention()
    {
        var incident = MetricsEventFactory.Incident(TestRecords.Documented(), TestRecords.Stages());

        Assert.NotNull(incident);
        Assert.Equal(1, incident.HumanIntervention);
        Assert.Equal(1, incident.ActionsExecuted);
        Assert.Equal(300, incident.ResolutionTimeSeconds);
    }

    [Fact]
    public void Incident_NothingWaitsAndNoHumanAnswered_NoHumanIntervention()
    {
        var record = TestRecords.Documented();
        record = record with { Plan = record.Plan! with { Actions = [record.Plan.Actions[0]] } };

        Assert.Equal(0, MetricsEventFactory.Incident(record, [])!.HumanIntervention);
    }

    [Fact]
    public void Incident_ManualPath_CountsAsHumanIntervention()
    {
        var record = TestRecords.Documented(path: InvestigationPath.Manual);
        record = record with { Plan = record.Plan! with { Actions = [] } };

        Assert.Equal(1, MetricsEventFactory.Incident(record, [])!.HumanIntervention);
    }

    [Fact]
    public void Learning_OutcomeUnknown_NoEvent()
    {
        var record = TestRecords.Documented() with { Outcome = null };

        Assert.Null(MetricsEventFactory.Learning(record, []));
        Assert.DoesNotContain(MetricsEventFactory.ForInvestigation(record, []), e => e.Sourcetype == "learning_metrics");
    }

    [Fact]
    public void ForInvestigation_NotYetInvestigated_NothingButNoCrash()
    {
        var record = TestRecords.Documented() with { Stage = Core.State.InvestigationStage.Triaged, Report = null, Plan = null, Feedback = null };

        Assert.Empty(MetricsEventFactory.ForInvestigation(record, []));
    }

    [Fact]
    public void ForShadowComparison_AgreementsAsOneZeroAndTimesInSeconds()
    {
        var facts = Records.ShadowComparison(severityAgrees: false, dispositionAgrees: null, harmful: true);

        var e = MetricsEventFactory.ForShadowComparison(facts);
        var body = EventJson.Body(e);

        Assert.Equal("shadow_comparison", e.Sourcetype);
        Assert.Equal(0, body.GetProperty("severity_agreement").GetInt32());
        Assert.False(body.TryGetProperty("disposition_agreement", out _));
        Assert.True(body.GetProperty("harmful_disagreement").GetBoolean());
        Assert.Equal(42.5, body.GetProperty("agent_time_to_decision_seconds").GetDouble());
        Assert.Equal(2100, body.GetProperty("playbook_time_to_decision_seconds").GetDouble());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("agent_actions").ValueKind);
        Assert.Equal(body.GetProperty("playbook_severity").GetString(), body.GetProperty("actual_severity").GetString());
        Assert.Equal(facts.ObservedAt, e.Time);
    }
}
