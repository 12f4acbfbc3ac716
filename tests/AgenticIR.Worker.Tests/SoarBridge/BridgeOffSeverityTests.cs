using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>What <c>off</c> means beside a playbook: an entry off for every severity is never touched, and a container
/// whose triaged severity is off gets one note saying the agents stand aside, and nothing else.</summary>
public sealed class BridgeOffSeverityTests
{
    private const string EveryOff = "informational: off, low: off, medium: off, high: off, critical: off";

    [Fact]
    public async Task RunCycle_EntryWhoseBySeverityTurnsEverySeverityOff_ContainerNeverTouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(
            BridgeHarness.Entry("phishing_triage", "phishing", "assisted", EveryOff) + BridgeHarness.Entry("scans", "events", "shadow"),
            cancellationToken: ct);
        var silenced = h.SeedSample("01");
        var scanned = h.SeedSample("07");

        var result = await h.CycleAsync(ct);

        Assert.Equal(1, result.ContainersTaken);
        Assert.NotEmpty(h.NotesOf(scanned));
        // Not read, not written, not even asked for by label.
        Assert.Empty(h.RequestsAbout(silenced));
        Assert.Empty(h.NotesOf(silenced));
        Assert.DoesNotContain(h.Simulator.Requests, r => r.PathAndQuery.Contains("phishing", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RunCycle_TriagedSeverityOff_OneStandAsideNoteNoFindingsNoDispatchAndCommentsIgnored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(
            BridgeHarness.Entry("phishing_triage", "phishing", "assisted", "medium: off, high: off, critical: off"), cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        var container = h.SeedSample("01");

        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);

        var record = await RecordAsync(h);
        Assert.True(record.Triage!.Severity >= Severity.Medium, $"the sample must triage to an off severity (got {record.Triage.Severity})");
        Assert.Equal(PlaybookMode.Off, record.Mode);
        var note = Assert.Single(h.NotesOf(container));
        var title = (string)note["title"]!;
        var content = (string)note["content"]!;
        Assert.Contains("stand aside", title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(record.Triage.Severity.ToWire(), content, StringComparison.Ordinal);
        Assert.Contains("phishing_triage", content, StringComparison.Ordinal);
        Assert.Contains($"by_severity: {record.Triage.Severity.ToWire()}: off", content, StringComparison.Ordinal);
        Assert.DoesNotContain("/approve", content, StringComparison.Ordinal);
        Assert.Empty(h.FindingArtifactsOf(container));
        Assert.Empty(h.Simulator.ActionRuns);

        // An analyst answers anyway, and new evidence arrives: the container is left alone from here on.
        h.Simulator.ClearRequests();
        var comments = h.Simulator.Comments.Count;
        h.Simulator.AddComment(container, "alice", "/approve A1");
        h.Simulator.AddArtifact(container, new SeedArtifact { Name = "late", Label = "event", Cef = new Dictionary<string, string> { ["sourceAddress"] = "45.155.205.233" } });
        await h.CycleAsync(ct);
        await h.CycleAsync(ct);

        Assert.Empty(h.RequestsAbout(container));
        Assert.Equal(comments + 1, h.Simulator.Comments.Count);
        Assert.Single(h.NotesOf(container));
        Assert.Empty(h.Simulator.ActionRuns);
    }

    private static async Task<InvestigationRecord> RecordAsync(BridgeHarness h)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct));
        return (await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!;
    }
}
