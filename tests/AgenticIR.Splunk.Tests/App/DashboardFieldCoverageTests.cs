using System.Text.Json;
using AgenticIR.Core.Metrics;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Tests.Support;
using AgenticIR.Testing.Builders;
using AgenticIR.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.App;

/// <summary>Every field a dashboard search reads must be carried by the events we emit for its sourcetype.</summary>
public sealed class DashboardFieldCoverageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Searches_EveryFieldTheyRead_CarriedByEmittedEvents()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var fields = await EmittedFieldsAsync();
        var searches = app.Searches().ToList();
        Assert.True(searches.Count >= 12);

        var missing = new List<string>();
        foreach (var (where, spl) in searches)
        {
            var sourcetype = SplFields.Sourcetype(spl);
            Assert.True(fields.ContainsKey(sourcetype), $"{where}: no emitted events of sourcetype '{sourcetype}'");
            missing.AddRange(SplFields.Required(app.ExpandMacros(spl)).Where(f => !fields[sourcetype].Contains(f)).Select(f => $"{where}: {sourcetype}.{f}"));
        }

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("investigation_metrics", "investigation_end,investigation_start,severity")]
    [InlineData("learning_metrics", "actual_severity,triage_accuracy_score,triage_severity")]
    [InlineData("response_metrics", "action_status,action_type,containment_time_seconds")]
    [InlineData("agent_heartbeat", "agent_name,last_action_time,processing_time_ms,status")]
    [InlineData("incident_metrics", "human_intervention,investigation_path")]
    public async Task Required_ArticlePanels_ExactlyTheArticlesFields(string sourcetype, string expected)
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var spl = app.Searches().Single(s => s.Where.StartsWith("agentic_ir_overview/", StringComparison.Ordinal) && SplFields.Sourcetype(s.Spl) == sourcetype).Spl;

        Assert.Equal(expected, string.Join(',', SplFields.Required(spl).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Required_MissingFieldInSearch_Detected()
    {
        var required = SplFields.Required("index=agentic_ir sourcetype=shadow_comparison mode=autonomous | eval x = round(not_emitted, 2) | stats avg(x) as y by playbook");

        Assert.Equal(["mode", "not_emitted", "playbook"], required.Order(StringComparer.Ordinal));
    }

    private static async Task<Dictionary<string, HashSet<string>>> EmittedFieldsAsync()
    {
        var events = new List<MetricsEvent>();
        events.AddRange(MetricsEventFactory.ForInvestigation(TestRecords.DocumentedWithModel(), TestRecords.Stages()));
        events.Add(MetricsEventFactory.ForShadowComparison(Records.ShadowComparison()));
        events.Add(MetricsEventFactory.ForShadowComparison(Records.ShadowComparison(severityAgrees: false, harmful: true)));
        events.Add(MetricsRecords.ToEvent(new PlaybookAuditMetrics
        {
            Playbook = "local/phishing_investigate", Platform = "splunk_soar", Instance = "prod", Active = true, Runs = 61, FailedRuns = 5,
            RunsPerMonth = 20.3, SuccessRate = 0.92, LastRun = "2026-12-01T10:00:00.0000000+00:00", MedianDurationSeconds = 93,
            Actions = ["url_reputation"], CoveredActions = ["url_reputation"], UncoveredActions = [], Recommendation = "convert",
            Reasons = ["enriches from 2 apps"], Time = DateTimeOffset.UnixEpoch,
        }));
        var time = new FakeTimeProvider();
        var health = new AgentHealthTracker(time);
        foreach (var agent in AgentNames.All) health.RecordSuccess(agent, TimeSpan.FromMilliseconds(5));
        var sink = new RecordingMetricsSink();
        using var emitter = new AgentHeartbeatEmitter(health, sink, new HeartbeatOptions(), time, new ListLogger<AgentHeartbeatEmitter>());
        await emitter.EmitOnceAsync(Ct);
        events.AddRange(sink.Events);

        var fields = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var names = fields.TryGetValue(e.Sourcetype, out var set) ? set : fields[e.Sourcetype] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in EventJson.Body(e).EnumerateObject())
                if (property.Value.ValueKind != JsonValueKind.Null) names.Add(property.Name);
        }
        return fields;
    }
}
