using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.Tests.Intake;

public sealed class ContainerPollerTests
{
    private static Dictionary<string, string> Cef(string key, string value) => new() { [key] = value };

    [Fact]
    public async Task PollOnce_MorePagesThanOne_TakesEveryContainerOnceInIdOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync();
        h.BridgeOptions = h.BridgeOptions with { PageSize = 7 };
        for (var id = 1; id <= 23; id++) h.Client.AddContainer(id, "phishing");

        var first = await h.Poller().PollOnceAsync("prod", ct);
        var second = await h.Poller().PollOnceAsync("prod", ct);

        Assert.Equal(23, first.ContainersTaken);
        Assert.Equal(0, second.ContainersTaken);
        Assert.Equal(Enumerable.Range(1, 23).Select(i => $"splunk_soar:prod:container:{i}"), h.Intake.Ingested.Select(i => i.Key));
        Assert.Equal(23, (await h.Store.GetCursorAsync("prod", ct)).LastContainerId);
        Assert.All(h.Intake.Ingested, i => Assert.Equal("soar_container", i.Raw.FormatHint));
        Assert.All(h.Intake.Ingested, i => Assert.True(i.Normalized.Succeeded, i.Normalized.Error));
    }

    [Fact]
    public async Task PollOnce_NewPollerAfterRestart_ResumesFromPersistedCursor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync();
        h.Client.AddContainer(1, "phishing");
        h.Client.AddContainer(2, "phishing");
        await h.Poller().PollOnceAsync("prod", ct);

        // A restart: a new poller, and an intake that has forgotten everything (only the bridge store remembers).
        h.Intake = new FakeIntake();
        h.Client.AddContainer(3, "phishing");
        var result = await h.Poller().PollOnceAsync("prod", ct);

        Assert.Equal(1, result.ContainersTaken);
        Assert.Equal("splunk_soar:prod:container:3", Assert.Single(h.Intake.Ingested).Key);
    }

    [Fact]
    public async Task PollOnce_TakenContainer_CarriesPlaybookModesSourceAndLink()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync();
        h.Client.AddContainer(7, "phishing");
        h.Client.AddArtifact(7, 70, Cef("sourceAddress", "91.240.118.50"));

        var result = await h.Poller().PollOnceAsync("prod", ct);

        var (_, raw, _, context) = Assert.Single(h.Intake.Ingested);
        Assert.Equal("splunk_soar:prod/container/7", raw.Source);
        Assert.Equal("phishing", context.Playbook!.Playbook);
        Assert.Equal(PlaybookMode.Shadow, context.Playbook.Default);
        Assert.Equal(new Core.State.SourceReference("splunk_soar", "prod", "7"), context.Source);
        Assert.Equal(["inv-7"], result.Investigations);
        Assert.Equal(new SoarContainerLink("prod", 7, "inv-7", 70, h.Client.Containers[0].UpdateTime), await h.Store.GetLinkAsync("prod", 7, ct));
    }

    [Fact]
    public async Task PollOnce_OffAndUnlistedContainers_NeverReadBeyondTheList()
    {
        var ct = TestContext.Current.CancellationToken;
        // Containers of playbook pb_quiet are off; other phishing containers run in shadow; malware and noise are unlisted.
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Catalog(
            BridgeHarness.Entry("quiet", PlaybookMode.Off, label: "phishing", playbook: "local/pb_quiet"),
            BridgeHarness.Entry("phishing", PlaybookMode.Shadow, label: "phishing"),
            BridgeHarness.Entry("noise", PlaybookMode.Off, label: "noise")));
        h.Client.AddContainer(1, "noise");
        h.Client.AddContainer(2, "phishing");
        h.Client.AddContainer(3, "phishing");
        h.Client.AddContainer(4, "malware");
        h.Client.PlaybookRuns[3] = [new SoarPlaybookRun(1, 3, "local/pb_quiet", "success", null, null, null)];

        var result = await h.Poller().PollOnceAsync("prod", ct);

        Assert.Equal(1, result.ContainersTaken);
        Assert.Equal(1, result.ContainersLeftAlone);
        Assert.Equal(["splunk_soar:prod:container:2"], h.Intake.Ingested.Select(i => i.Key));
        Assert.Empty(h.Client.CallsFor(1));
        Assert.Empty(h.Client.CallsFor(4));
        Assert.Equal(["ListPlaybookRuns:3"], h.Client.CallsFor(3));
        Assert.Equal(3, (await h.Store.GetCursorAsync("prod", ct)).LastContainerId);
        Assert.Null(await h.Store.GetLinkAsync("prod", 3, ct));
    }

    [Fact]
    public async Task PollOnce_OnlyOffEntries_ListsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Catalog(BridgeHarness.Entry("quiet", PlaybookMode.Off, label: "phishing")));
        h.Client.AddContainer(1, "phishing");

        await h.Poller().PollOnceAsync("prod", ct);

        Assert.Empty(h.Client.Calls);
    }

    [Fact]
    public async Task PollOnce_OwnArtifacts_LeftOutOfTheAlert()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync();
        h.Client.AddContainer(7, "phishing");
        h.Client.AddArtifact(7, 70, Cef("sourceAddress", "91.240.118.50"));
        h.Client.AddArtifact(7, 71, Cef("destinationAddress", "45.155.205.87"), label: "agentic_ir_finding");
        h.Client.AddArtifact(7, 72, Cef("destinationDnsDomain", "evil-own.example"), sdi: "agentic-ir:inv-7:finding:F1");

        await h.Poller().PollOnceAsync("prod", ct);

        var (_, raw, normalized, _) = Assert.Single(h.Intake.Ingested);
        Assert.Contains("91.240.118.50", raw.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("45.155.205.87", raw.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("evil-own.example", raw.Content, StringComparison.Ordinal);
        Assert.Contains(normalized.Alert!.Observables, o => o.Value == "91.240.118.50");
        Assert.Equal(72, (await h.Store.GetLinkAsync("prod", 7, ct))!.LastArtifactId);
    }

    [Fact]
    public async Task PollOnce_NewArtifactsOnTakenContainer_AddedToItsInvestigationOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync();
        var start = h.Client.AddContainer(7, "phishing").UpdateTime!.Value;
        h.Client.AddArtifact(7, 70, Cef("sourceAddress", "91.240.118.50"));
        await h.Poller().PollOnceAsync("prod", ct);

        h.Client.AddArtifact(7, 80, Cef("requestURL", "https://login-phish.example/x"));
        h.Client.AddArtifact(7, 81, Cef("destinationAddress", "45.155.205.87"), label: "agentic_ir_finding");
        h.Client.Touch(7, start.AddMinutes(3));
        var second = await h.Poller().PollOnceAsync("prod", ct);
        var third = await h.Poller().PollOnceAsync("prod", ct);

        var (investigation, key, raw, normalized) = Assert.Single(h.Intake.IngestedInto);
        Assert.Equal("inv-7", investigation);
        Assert.Equal("splunk_soar:prod:container:7:artifacts:80", key);
        Assert.Contains("login-phish", raw.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("91.240.118.50", raw.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("45.155.205.87", raw.Content, StringComparison.Ordinal);
        Assert.NotEqual(h.Intake.Ingested[0].Normalized.Alert!.AlertId, normalized.Alert!.AlertId);
        Assert.Equal(1, second.ArtifactUpdates);
        Assert.Equal(0, third.ArtifactUpdates);
        Assert.Equal(81, (await h.Store.GetLinkAsync("prod", 7, ct))!.LastArtifactId);
    }

    [Fact]
    public async Task PollOnce_SoarGoesDownMidPoll_NothingLostNothingTakenTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync();
        for (var id = 1; id <= 5; id++) h.Client.AddContainer(id, "phishing");
        h.Intake.AfterIngest = count => h.Client.Down = count == 2;

        await Assert.ThrowsAsync<SoarUnavailableException>(() => h.Poller().PollOnceAsync("prod", ct));
        Assert.Equal(2, (await h.Store.GetCursorAsync("prod", ct)).LastContainerId);

        h.Intake.AfterIngest = null;
        h.Client.Down = false;
        await h.Poller().PollOnceAsync("prod", ct);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"splunk_soar:prod:container:{i}"), h.Intake.Ingested.Select(i => i.Key));
    }

    [Fact]
    public async Task PollOnce_PlaybookNotRunYet_WaitsThenTakesOnceItRan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Catalog(
            BridgeHarness.Entry("phishing_pb", PlaybookMode.Assisted, label: "phishing", playbook: "local/phishing_investigate")));
        h.Client.AddContainer(1, "phishing", created: h.Time.GetUtcNow());

        var waiting = await h.Poller().PollOnceAsync("prod", ct);
        h.Client.PlaybookRuns[1] = [new SoarPlaybookRun(9, 1, "local/phishing_investigate", "running", null, null, null)];
        var taken = await h.Poller().PollOnceAsync("prod", ct);

        Assert.True(waiting.MoreWaiting);
        Assert.Equal(0, waiting.ContainersTaken);
        Assert.Equal(1, taken.ContainersTaken);
        Assert.Equal(PlaybookMode.Assisted, Assert.Single(h.Intake.Ingested).Context.Playbook!.For(Severity.High));
    }
}
