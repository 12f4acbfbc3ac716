using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>The analyst's verdict on a closed container becomes its investigation's outcome, learning scores triage
/// against it, and the triage accuracy panel gets its <c>learning_metrics</c> event, once.</summary>
public sealed class BridgeOutcomeTests
{
    [Fact]
    public async Task GovernancePass_AnalystClosesContainer_InvestigationGainsOutcomeAndLearningMetricsEmittedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        string? metricsFile = null;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), (services, harness) =>
        {
            metricsFile = Path.Combine(harness.Folder, "metrics", "events.jsonl");
            services.AddSingleton(new MetricsSettings { JsonLinesPath = metricsFile });
        }, cancellationToken: ct);
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        var investigation = Assert.Single(await h.Pipeline.Store.ListAsync(10, ct));
        Assert.Null(investigation.Outcome);
        Assert.DoesNotContain(LearningEvents(metricsFile!), e => e.GetProperty("investigation_id").GetString() == investigation.Id);

        // The analyst rates the incident one level away from the agents' severity and closes it as a false positive.
        var triaged = investigation.Triage!.Severity;
        var actual = triaged == Severity.Low ? Severity.Medium : triaged - 1;
        h.Simulator.CloseContainer(container, actual.ToWire(), dispositionField: "disposition", dispositionValue: "false_positive");
        var loop = h.Pipeline.Create<GovernanceLoopWorker>();
        await loop.PassAsync(ct);
        await loop.PassAsync(ct);

        var record = (await h.Pipeline.Store.GetAsync(investigation.Id, ct))!;
        var outcome = Assert.IsType<IncidentOutcome>(record.Outcome);
        Assert.Equal((actual, Disposition.FalsePositive, "splunk_soar:analyst"), (outcome.ActualSeverity, outcome.Disposition, outcome.Source));
        Assert.True(record.Feedback!.OutcomeKnown);
        Assert.Equal(0.75, record.Feedback.TriageAccuracy);

        var learning = Assert.Single(LearningEvents(metricsFile!), e => e.GetProperty("investigation_id").GetString() == investigation.Id);
        // The fields the triage accuracy panel reads (DashboardSpl.TriageAccuracy).
        Assert.Equal(triaged.ToWire(), learning.GetProperty("triage_severity").GetString());
        Assert.Equal(actual.ToWire(), learning.GetProperty("actual_severity").GetString());
        Assert.Equal(0.75, learning.GetProperty("triage_accuracy_score").GetDouble());
        Assert.Equal("false_positive", learning.GetProperty("disposition").GetString());
        Assert.Equal("splunk_soar:analyst", learning.GetProperty("outcome_source").GetString());
        Assert.False(string.IsNullOrEmpty(learning.GetProperty("event_id").GetString()));

        // Observed again after a restart: the outcome is not applied twice and no second event is written.
        var version = record.Version;
        await h.RestartAsync(ct);
        await h.Pipeline.Create<GovernanceLoopWorker>().PassAsync(ct);
        Assert.Equal(version, (await h.Pipeline.Store.GetAsync(investigation.Id, ct))!.Version);
        Assert.Single(LearningEvents(metricsFile!), e => e.GetProperty("investigation_id").GetString() == investigation.Id);
    }

    // The sink keeps the file open for appending; it is read the way a forwarder tails it.
    private static List<JsonElement> LearningEvents(string path)
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var events = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.GetProperty("sourcetype").GetString() == "learning_metrics")
                events.Add(document.RootElement.GetProperty("event").Clone());
        }
        return events;
    }
}
