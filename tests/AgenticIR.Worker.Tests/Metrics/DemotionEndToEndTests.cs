using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Governance.Demotion;
using AgenticIR.Testing;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Sources;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary>A graduated playbook whose live agreement falls below the floor is demoted on its own: the cap is stored,
/// audited and notified, and the next investigation of that playbook × severity runs assisted.</summary>
public sealed class DemotionEndToEndTests : IDisposable
{
    private const string Playbook = "endpoint_autonomy";
    private const string Sample = "07-malware-loader-fin-ws-022.json";

    private readonly DirectoryInfo _config = Directory.CreateTempSubdirectory("agentic-ir-demotion-config-");
    private readonly List<DirectoryInfo> _work = [];

    public DemotionEndToEndTests()
    {
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), Path.Combine(_config.FullName, "governance.yaml"));
        File.WriteAllText(Path.Combine(_config.FullName, "playbooks.yaml"),
            $"playbooks:\n  - name: {Playbook}\n    match: {{ labels: [endpoint] }}\n    mode: autonomous\n");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PolicyPath => Path.Combine(_config.FullName, "governance.yaml");

    [Fact]
    public async Task Demotion_LiveAgreementBelowFloor_CapStoredAuditedNotifiedAndNextInvestigationAssisted()
    {
        // Control: before any demotion the playbook runs this alert autonomously.
        Severity severity;
        await using (var control = await HarnessAsync(new RecordingGovernanceNotifier()))
        {
            var before = await IngestAsync(control, "before");
            Assert.Equal(PlaybookMode.Autonomous, before.Mode);
            severity = before.Triage!.Severity;
        }

        var notifier = new RecordingGovernanceNotifier();
        await using var harness = await HarnessAsync(notifier);
        var now = harness.Pipeline.Time.GetUtcNow();
        var comparisons = harness.Pipeline.Get<IShadowComparisonStore>();
        // 25 live comparisons at this severity, 5 agreeing: 0.20 < floor 0.90. Another severity agrees throughout.
        var other = severity == Severity.Low ? Severity.Medium : Severity.Low;
        for (var i = 0; i < 25; i++)
        {
            await comparisons.UpsertAsync(MetricsTestSupport.Comparison(Playbook, severity, agrees: i < 5, now.AddHours(-i - 1), 100 + i), Ct);
            await comparisons.UpsertAsync(MetricsTestSupport.Comparison(Playbook, other, agrees: true, now.AddHours(-i - 1), 200 + i), Ct);
        }

        var loop = harness.Pipeline.Create<MetricsLoopWorker>();
        var (_, demoted) = await loop.PassAsync(Ct);
        var (_, again) = await loop.PassAsync(Ct);

        Assert.Equal((1, 0), (demoted, again));
        var entry = await DemotionAssertions.AssertDemotedToAssistedAsync(harness.Pipeline, Playbook, severity, Ct);
        Assert.Equal("25", entry.Details["samples"]);
        Assert.Equal("0.2000", entry.Details["live_agreement"]);

        var (target, subject, body) = Assert.Single(notifier.Sent);
        Assert.Equal("ir_lead", target);
        Assert.Contains(Playbook, subject, StringComparison.Ordinal);
        Assert.Contains("reinstate", body, StringComparison.Ordinal);

        // The same alert, beside the same playbook, now waits for people.
        var after = await IngestAsync(harness, "after");
        Assert.Equal(severity, after.Triage!.Severity);
        Assert.Equal(PlaybookMode.Assisted, after.Mode);
        Assert.DoesNotContain(after.Plan!.Actions, a => a.Kind != ActionKind.Enrichment && a.ApprovalStatus == ApprovalStatus.AutoApproved);
        // The other severity keeps its autonomy.
        var entryNow = harness.Pipeline.Get<IPlaybookCatalog>().Match("prod", "endpoint", [])!;
        Assert.Equal(PlaybookMode.Autonomous, entryNow.ToAssignment().For(other));
    }

    [Fact]
    public async Task Demotion_FewerComparisonsThanNeeded_NoCap()
    {
        await using var harness = await HarnessAsync(new RecordingGovernanceNotifier());
        var now = harness.Pipeline.Time.GetUtcNow();
        var comparisons = harness.Pipeline.Get<IShadowComparisonStore>();
        for (var i = 0; i < 10; i++)
            await comparisons.UpsertAsync(MetricsTestSupport.Comparison(Playbook, Severity.High, agrees: false, now.AddHours(-i - 1), 300 + i), Ct);

        var demoted = await harness.Pipeline.Get<DemotionWorker>().PassAsync(Ct);

        Assert.Empty(demoted);
        Assert.Empty(await harness.Pipeline.Get<IPlaybookModeOverrides>().ListActiveAsync(Ct));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in _work.Append(_config))
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private async Task<ReplayHarness> HarnessAsync(RecordingGovernanceNotifier notifier)
    {
        var work = Directory.CreateTempSubdirectory("agentic-ir-demotion-");
        _work.Add(work);
        return await MetricsTestSupport.HarnessAsync(work, MetricsSettings.Off, Ct, PolicyPath,
            services => services.AddSingleton<IGovernanceNotifier>(notifier));
    }

    // What the SOAR poller does for a container labelled "endpoint": the catalog's entry rides along with the alert.
    private static async Task<InvestigationRecord> IngestAsync(ReplayHarness harness, string key)
    {
        var pipeline = harness.Pipeline;
        var entry = pipeline.Get<IPlaybookCatalog>().Match("prod", "endpoint", []) ?? throw new InvalidOperationException("no playbook entry");
        var path = Path.Combine(RepoPaths.Samples, "alerts", Sample);
        var raw = new RawAlert(path, await File.ReadAllTextAsync(path, Ct));
        var outcome = await pipeline.Intake.IngestAsync($"test:{key}", raw, pipeline.Normalizer.Normalize(raw),
            new IngestContext(entry.ToAssignment(), null), Ct);
        return outcome.Investigation ?? throw new InvalidOperationException("no investigation");
    }
}
