using AgenticIR.Core.Playbooks;
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

        // Containers of an off entry and of an unlisted label: listed, never read or written.
        Assert.Empty(h.RequestsAbout(off));
        Assert.Empty(h.RequestsAbout(unlisted));
        Assert.Empty(h.NotesOf(off));
        Assert.Empty(h.NotesOf(unlisted));
    }
}
