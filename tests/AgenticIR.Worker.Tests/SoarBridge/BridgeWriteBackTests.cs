using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarBridge;
using Microsoft.Extensions.DependencyInjection;
using AgenticIR.Soar.SplunkSoar.Intake;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Intake and write-back against the Splunk SOAR simulator: what an analyst finds in the container, and that
/// reruns and restarts never duplicate it.</summary>
public sealed class BridgeWriteBackTests
{
    private static readonly string Playbooks =
        BridgeHarness.Entry("phishing_triage", "phishing", "shadow")
        + BridgeHarness.Entry("noisy_scans", "events", "off");

    [Fact]
    public async Task RunCycle_NewContainerOfEnabledLabel_InvestigatedAndWrittenBackInOneCycle()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Playbooks, cancellationToken: ct);
        var phishing = h.SeedSample("01");
        var off = h.SeedSample("07");
        var unlisted = h.SeedSample("02", label: "vulnerability");

        var result = await h.CycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Completed, result.Status);
        Assert.Equal(1, result.ContainersTaken);
        var notes = h.NotesOf(phishing);
        var titles = notes.Select(n => (string?)n["title"] ?? "").ToList();
        foreach (var kind in new[] { "Triage", "Investigation", "Plan", "Report" })
            Assert.Single(titles, t => t.Contains(kind, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, notes.Count);
        var triage = (string)notes.Single(n => ((string)n["title"]!).Contains("Triage", StringComparison.OrdinalIgnoreCase))["content"]!;
        Assert.Contains("severity", triage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("confidence", triage, StringComparison.OrdinalIgnoreCase);

        var findings = h.FindingArtifactsOf(phishing);
        Assert.NotEmpty(findings);
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct));
        foreach (var artifact in findings)
        {
            var sdi = (string)artifact["source_data_identifier"]!;
            var findingId = (string)artifact["cef"]!["agenticIrFindingId"]!;
            Assert.Equal($"agentic-ir:{link.InvestigationId}:finding:{findingId}", sdi);
            var types = artifact["cef_types"]!.AsObject();
            Assert.NotEmpty(types);
            foreach (var (key, value) in types)
            {
                Assert.NotNull(artifact["cef"]![key]);
                Assert.NotEmpty(value!.AsArray());
            }
        }
        // The observables of the phishing sample appear typed, as SOAR's contextual actions need.
        var typed = findings.SelectMany(a => a["cef_types"]!.AsObject().Select(p => p.Value!.AsArray().Select(t => (string?)t))).SelectMany(t => t).ToHashSet();
        Assert.Contains("ip", typed);
        Assert.Contains("domain", typed);

        // Containers of an off entry and of an unlisted label: listed, never read or written (the same filter does
        // see every read and write of the taken container).
        Assert.Contains(h.RequestsAbout(phishing), r => r.Method == "GET" && r.PathAndQuery.Contains("/artifacts", StringComparison.Ordinal));
        Assert.Contains(h.RequestsAbout(phishing), r => r.Method == "POST" && r.PathAndQuery.StartsWith("/rest/note", StringComparison.Ordinal));
        Assert.Empty(h.RequestsAbout(off));
        Assert.Empty(h.RequestsAbout(unlisted));
        Assert.Empty(h.NotesOf(off));
        Assert.Empty(h.NotesOf(unlisted));
    }

    [Fact]
    public async Task RunCycle_RerunAndRestart_WritesNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Playbooks, cancellationToken: ct);
        var phishing = h.SeedSample("01");
        var second = h.SeedSample("06");
        await h.CycleAsync(ct);
        var notes = Snapshot(h.NotesOf(phishing).Concat(h.NotesOf(second)));
        var artifacts = Snapshot(h.FindingArtifactsOf(phishing).Concat(h.FindingArtifactsOf(second)));
        Assert.Equal(8, notes.Count);
        Assert.NotEmpty(artifacts);

        for (var i = 0; i < 3; i++) Assert.Equal(BridgeCycleStatus.Completed, (await h.CycleAsync(ct)).Status);
        await h.RestartAsync(ct);
        h.Simulator.ClearRequests();
        var afterRestart = await h.CycleAsync(ct);
        await h.CycleAsync(ct);

        Assert.Equal(0, afterRestart.ContainersTaken);
        Assert.Equal(0, afterRestart.Written.Created);
        Assert.Equal(notes, Snapshot(h.NotesOf(phishing).Concat(h.NotesOf(second))));
        Assert.Equal(artifacts, Snapshot(h.FindingArtifactsOf(phishing).Concat(h.FindingArtifactsOf(second))));
        // The restarted worker checked its ledger, not the SOAR: no write of any kind went out.
        Assert.DoesNotContain(h.Simulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task RunCycle_KilledBetweenWriteAndLedger_RestartAdoptsInsteadOfDuplicating()
    {
        var ct = TestContext.Current.CancellationToken;
        CrashingBridgeStore? crashing = null;
        var crashNext = true;
        await using var h = await BridgeHarness.StartAsync(Playbooks, (services, harness) =>
        {
            // Only the first pipeline dies: the third item it writes reaches the SOAR but never its ledger.
            if (!crashNext) return;
            crashNext = false;
            services.AddSingleton<ISoarBridgeStore>(sp =>
                crashing = new CrashingBridgeStore(new SqliteSoarBridgeStore(new SqliteStoreOptions { Path = harness.DatabasePath }, sp.GetRequiredService<TimeProvider>()), 3));
        }, cancellationToken: ct);
        var phishing = h.SeedSample("01");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.CycleAsync(ct));
        var writtenBeforeCrash = h.NotesOf(phishing).Count + h.FindingArtifactsOf(phishing).Count;
        Assert.Equal(3, writtenBeforeCrash);

        await h.RestartAsync(ct);
        var result = await h.CycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Completed, result.Status);
        Assert.True(result.Written.Adopted >= 1, $"the orphaned item was not adopted: {result.Written}");
        AssertOneOfEach(h, phishing);
        Assert.NotNull(crashing);
    }

    [Fact]
    public async Task RunCycle_SoarFailsMidWriteBack_NextCycleFinishesWithoutDuplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await using var h = await BridgeHarness.StartAsync(Playbooks,
            (services, _) => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, clock), cancellationToken: ct);
        var phishing = h.SeedSample("01");
        // Every attempt on /rest/artifact fails (reads are retried 5 times), so write-back stops after the triage note.
        h.Simulator.FailNext(6, 500, pathPrefix: "/rest/artifact");

        var failed = await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));

        Assert.Equal(BridgeCycleStatus.Unavailable, failed.Status);
        Assert.Single(h.NotesOf(phishing));
        Assert.Empty(h.FindingArtifactsOf(phishing));

        // The failures may have opened the instance's circuit: the next cycle comes after its break.
        clock.Advance(TimeSpan.FromMinutes(1));
        var recovered = await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));

        Assert.Equal(BridgeCycleStatus.Completed, recovered.Status);
        AssertOneOfEach(h, phishing);
    }

    private static void AssertOneOfEach(BridgeHarness h, long containerId)
    {
        var titles = h.NotesOf(containerId).Select(n => (string)n["title"]!).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
        var sdis = h.FindingArtifactsOf(containerId).Select(a => (string)a["source_data_identifier"]!).ToList();
        Assert.NotEmpty(sdis);
        Assert.Equal(sdis.Count, sdis.Distinct(StringComparer.Ordinal).Count());
    }

    private static List<string> Snapshot(IEnumerable<System.Text.Json.Nodes.JsonObject> items) =>
        [.. items.Select(i => $"{i["id"]}|{i["title"] ?? i["source_data_identifier"]}|{i["content"]?.ToJsonString() ?? i["cef"]?.ToJsonString()}").Order(StringComparer.Ordinal)];
}
