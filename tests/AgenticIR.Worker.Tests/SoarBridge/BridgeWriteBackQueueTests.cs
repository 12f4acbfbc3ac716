using System.Collections.Concurrent;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Write-back is pushed, not polled: an investigation's change queues its write-back, and a cycle writes back only
/// what is queued, so investigations that did not change are neither read nor written however many containers are open.</summary>
public sealed class BridgeWriteBackQueueTests
{
    [Fact]
    public async Task RunCycle_UnchangedLinkedInvestigations_NotReadAgainUntilOneChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        ConcurrentDictionary<string, int> reads = null!;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), (services, harness) =>
            services.AddSingleton(sp => ReadCountingStateStore.Over(
                new SqliteStateStore(new SqliteStoreOptions { Path = harness.DatabasePath }, sp.GetRequiredService<TimeProvider>()), out reads)),
            cancellationToken: ct);
        var first = h.SeedSample("01");
        var second = h.SeedSample("06");
        await h.CyclesUntilQuietAsync(ct);
        // Our own notes moved the containers' update times: intake looks once at what changed, then all is quiet.
        await h.CycleAsync(ct);
        var links = await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct);
        var firstInvestigation = links.Single(l => l.ContainerId == first).InvestigationId;
        var secondInvestigation = links.Single(l => l.ContainerId == second).InvestigationId;
        Assert.Equal(4, h.NotesOf(first).Count);
        Assert.Equal(4, h.NotesOf(second).Count);

        var firstNotes = Contents(h.NotesOf(first));
        var secondNotes = Contents(h.NotesOf(second));
        reads.Clear();
        h.Simulator.ClearRequests();
        for (var i = 0; i < 3; i++) await h.CycleAsync(ct);

        // Polling read every linked investigation every cycle; now nothing queued means nothing read or written.
        Assert.Equal(0, reads.GetValueOrDefault(firstInvestigation));
        Assert.Equal(0, reads.GetValueOrDefault(secondInvestigation));
        Assert.DoesNotContain(h.Simulator.Requests, r => r.Method == "POST");

        // New evidence in one container: its investigation changes, is queued, and only it is read and written back.
        h.Simulator.AddArtifact(first, new SeedArtifact { Name = "late", Cef = new Dictionary<string, string> { ["destinationAddress"] = "193.32.162.189" } });
        await h.CycleAsync(ct);

        Assert.True(reads.GetValueOrDefault(firstInvestigation) > 0);
        Assert.Equal(0, reads.GetValueOrDefault(secondInvestigation));
        Assert.NotEqual(firstNotes, Contents(h.NotesOf(first)));
        Assert.Equal(secondNotes, Contents(h.NotesOf(second)));
        Assert.Empty(await h.Pipeline.Get<ISoarBridgeStore>().ListQueuedWriteBacksAsync(BridgeHarness.Instance, ct));
    }

    [Fact]
    public async Task RunCycle_ChangeSavedButNotDeliveredBeforeARestart_StillWrittenBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), cancellationToken: ct);
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct));
        var notes = Contents(h.NotesOf(container));

        // A change saved with its outbox message by a process that died before delivering it.
        var store = h.Pipeline.Get<IStateStore>();
        var record = (await store.GetAsync(link.InvestigationId, ct))!;
        var changed = record with { Timeline = [.. record.Timeline, new Core.Investigation.TimelineEntry(record.UpdatedAt, "analyst", "Escalated by phone")] };
        await store.SaveAsync(changed, null, [Core.Bus.InvestigationMessages.Updated(changed, "timeline entry added", record.UpdatedAt)], ct);
        await h.RestartAsync(ct);
        await h.CycleAsync(ct);

        Assert.NotEqual(notes, Contents(h.NotesOf(container)));
        Assert.Contains(h.NotesOf(container), n => ((string)n["content"]!).Contains("Escalated by phone", StringComparison.Ordinal));
    }

    private static List<string> Contents(IEnumerable<System.Text.Json.Nodes.JsonObject> notes) => [.. notes.Select(n => (string)n["content"]!).Order(StringComparer.Ordinal)];
}
