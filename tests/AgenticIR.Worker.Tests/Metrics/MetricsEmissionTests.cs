using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Emission;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary>A replay with the JSON-lines sink writes the dashboards' events, and the same inputs always give the same ids.</summary>
public sealed class MetricsEmissionTests : IDisposable
{
    // The fields the article's panels and our shadow dashboard read, per sourcetype (docs/splunk.md §4).
    private static readonly Dictionary<string, string[]> DashboardFields = new(StringComparer.Ordinal)
    {
        ["investigation_metrics"] = ["event_id", "investigation_start", "investigation_end", "severity", "investigation_path", "mode"],
        ["response_metrics"] = ["event_id", "action_type", "action_status", "severity"],
        ["incident_metrics"] = ["event_id", "investigation_path", "human_intervention", "severity", "stage"],
        ["agent_heartbeat"] = ["event_id", "agent_name", "status", "last_action_time", "processing_time_ms"],
        ["shadow_comparison"] = ["event_id", "playbook", "severity", "severity_agreement", "disposition_agreement", "action_overlap",
            "extra_findings", "agent_time_to_decision_seconds", "playbook_time_to_decision_seconds", "harmful_disagreement"],
    };

    private readonly List<DirectoryInfo> _work = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Samples => [Path.Combine(RepoPaths.Samples, "alerts")];

    [Fact]
    public async Task Replay_WithJsonLinesSink_EverySourcetypeWithTheDashboardFields()
    {
        var file = await ReplayWithMetricsAsync(longRunning: true, async harness =>
        {
            var now = harness.Pipeline.Time.GetUtcNow();
            var comparisons = harness.Pipeline.Get<IShadowComparisonStore>();
            await comparisons.UpsertAsync(MetricsTestSupport.Comparison("phishing_triage", Severity.High, true, now.AddMinutes(-2), 101), Ct);
            await comparisons.UpsertAsync(MetricsTestSupport.Comparison("phishing_triage", Severity.High, false, now.AddMinutes(-1), 102), Ct);
            Assert.Equal(2, await harness.Pipeline.Get<ShadowMetricsEmitter>().PassAsync(Ct));
            await harness.Pipeline.Get<AgentHeartbeatEmitter>().EmitOnceAsync(Ct);
        });

        var events = MetricsTestSupport.ReadEvents(file);
        var bySourcetype = events.ToLookup(e => e.Sourcetype);
        foreach (var (sourcetype, fields) in DashboardFields)
        {
            Assert.True(bySourcetype[sourcetype].Any(), $"no {sourcetype} event");
            foreach (var e in bySourcetype[sourcetype])
            {
                var missing = fields.Where(f => !e.Event.TryGetProperty(f, out var v) || v.ValueKind == JsonValueKind.Null).ToList();
                Assert.True(missing.Count == 0, $"{sourcetype} lacks {string.Join(", ", missing)}: {e.Event}");
            }
        }
        // Heartbeats come from the stage times the emitter fed the health tracker: every agent did work.
        Assert.All(bySourcetype["agent_heartbeat"], h => Assert.True(h.Event.GetProperty("processed_count").GetInt64() > 0, h.Event.ToString()));
        Assert.Equal(2, bySourcetype["shadow_comparison"].Count());
        Assert.Equal(events.Count, events.Select(e => e.Event.GetProperty("event_id").GetString()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Replay_Twice_SameEventIds()
    {
        var first = EventIds(await ReplayWithMetricsAsync(longRunning: false));
        var second = EventIds(await ReplayWithMetricsAsync(longRunning: false));

        Assert.True(first.Count > 100, $"only {first.Count} events");
        Assert.Equal(first.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Replay_MetricsOff_NoSinkAndNoOutboxWrites()
    {
        var work = Work();
        await using (var harness = await MetricsTestSupport.HarnessAsync(work, MetricsSettings.Off, Ct))
        {
            await harness.ReplayAsync(Samples, Ct);
            Assert.Null(harness.Pipeline.Get<IServiceProvider>().GetService(typeof(IMetricsSink)));
            Assert.Equal(0, (await harness.Pipeline.Get<IMetricsOutbox>().CountAsync(Ct)).Pending);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var work in _work)
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static HashSet<string> EventIds(string file) =>
        [.. MetricsTestSupport.ReadEvents(file).Select(e => e.Event.GetProperty("event_id").GetString()!)];

    private async Task<string> ReplayWithMetricsAsync(bool longRunning, Func<Support.ReplayHarness, Task>? after = null)
    {
        var work = Work();
        var file = Path.Combine(work.FullName, "metrics", "events.jsonl");
        var settings = MetricsSettings.From(file, longRunning, _ => null);
        await using (var harness = await MetricsTestSupport.HarnessAsync(work, settings, Ct))
        {
            var run = await harness.ReplayAsync(Samples, Ct);
            Assert.Equal(0, run.Count("dead_lettered"));
            if (after is not null) await after(harness);
        }
        return file;
    }

    private DirectoryInfo Work()
    {
        var work = Directory.CreateTempSubdirectory("agentic-ir-metrics-");
        _work.Add(work);
        return work;
    }
}
