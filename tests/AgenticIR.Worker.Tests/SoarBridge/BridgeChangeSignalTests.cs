using AgenticIR.Core.Playbooks;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Containers without an update time: the poller tells changed containers from the others by what the
/// container list does carry (artifact count and time), so unchanged containers' artifacts are not read again.</summary>
public sealed class BridgeChangeSignalTests
{
    [Fact]
    public async Task RunCycle_ContainersWithoutUpdateTime_OnlyAChangedContainerIsReadAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"),
            configureSimulator: o => o.OmitContainerUpdateTimes = true, cancellationToken: ct);
        var first = h.SeedSample("01");
        var second = h.SeedSample("06");
        Assert.Null(h.Simulator.GetContainer(first)!["update_time"]);
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);

        h.Simulator.ClearRequests();
        await h.CycleAsync(ct);
        await h.CycleAsync(ct);
        Assert.Empty(ArtifactReads(h, first));
        Assert.Empty(ArtifactReads(h, second));

        // New evidence in one container: that one is read, and what it brought joins its investigation.
        h.Simulator.AddArtifact(first, new SeedArtifact { Name = "late", Cef = new Dictionary<string, string> { ["destinationAddress"] = "193.32.162.189" } });
        await h.CycleAsync(ct);

        Assert.NotEmpty(ArtifactReads(h, first));
        Assert.Empty(ArtifactReads(h, second));
        var link = (await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct)).Single(l => l.ContainerId == first);
        var record = (await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!;
        Assert.Contains(record.AllObservables, o => o.Value == "193.32.162.189");
    }

    private static List<RecordedRequest> ArtifactReads(BridgeHarness h, long container) =>
        [.. h.RequestsAbout(container).Where(r => r.Method == "GET" && r.PathAndQuery.Contains("artifact", StringComparison.Ordinal))];
}
