using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Worker.Tests.SoarBridge;

namespace AgenticIR.Worker.Tests.FailSafe;

/// <summary>Starting small: an entry with <c>capabilities: [triage]</c> gets the triage note and a note saying the agents
/// stop there; <c>[triage, investigation]</c> adds the evidence and stops before the response.</summary>
public sealed class CapabilityLimitedEntryTests
{
    [Fact]
    public async Task RunCycle_TriageOnlyEntry_TriageNoteAndStopNoteNothingElse()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Entry("[triage]"), cancellationToken: ct);
        var container = h.SeedSample("01");

        await h.CyclesUntilQuietAsync(ct);

        var record = await RecordOfAsync(h, container, ct);
        Assert.NotNull(record.Triage);
        Assert.Null(record.Report);
        Assert.Null(record.Plan);
        Assert.Equal(InvestigationStage.Closed, record.Stage);
        Assert.Equal(AgentsStoodAside.CapabilitiesCause, record.StoodAside?.Cause);
        var titles = h.NotesOf(container).Select(n => (string)n["title"]!).ToList();
        Assert.Contains(titles, t => t.Contains("· Triage ·", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("· Investigation ·", StringComparison.Ordinal) || t.Contains("· Response plan ·", StringComparison.Ordinal));
        var stop = Assert.Single(h.NotesOf(container), n => ((string)n["title"]!).Contains("stand aside", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("enables fewer stages", (string)stop["content"]!, StringComparison.Ordinal);
        Assert.Contains("investigation and the stages after it do not run", (string)stop["content"]!, StringComparison.Ordinal);
        Assert.Empty(h.FindingArtifactsOf(container));
        Assert.Empty(h.Simulator.ActionRuns);
    }

    [Fact]
    public async Task RunCycle_TriageAndInvestigationEntry_FindingsWrittenNoPlan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Entry("[triage, investigation]"), cancellationToken: ct);
        var container = h.SeedSample("01");

        await h.CyclesUntilQuietAsync(ct);

        var record = await RecordOfAsync(h, container, ct);
        Assert.NotNull(record.Report);
        Assert.Null(record.Plan);
        Assert.Equal(InvestigationStage.Investigated, record.StoodAside?.AtStage);
        Assert.NotEmpty(h.FindingArtifactsOf(container));
        Assert.Contains(h.NotesOf(container), n => ((string)n["content"]!).Contains("response and the stages after it do not run", StringComparison.Ordinal));
    }

    private static string Entry(string capabilities) =>
        BridgeHarness.Entry("phishing_triage", "phishing", "assisted") + $"    capabilities: {capabilities}\n";

    private static async Task<InvestigationRecord> RecordOfAsync(BridgeHarness h, long container, CancellationToken ct)
    {
        var link = await h.Pipeline.Get<ISoarBridgeStore>().GetLinkAsync(BridgeHarness.Instance, container, ct);
        return (await h.Pipeline.Store.GetAsync(link!.InvestigationId, ct))!;
    }
}
