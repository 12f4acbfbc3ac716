using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>An enrichment tool whose binding the instance cannot run (its app action is missing) is not offered to the
/// investigation there (here VirusTotal without its URL look-up): nothing is posted for it, the operator is told once, and it comes back once the app has it.</summary>
public sealed class BridgeToolAvailabilityTests
{
    [Fact]
    public async Task Investigate_AppActionMissingOnInstance_ToolNotOfferedAndLoggedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"),
            configureSimulator: o => o.IncludeDefaultCatalog = false, cancellationToken: ct);
        SimulatorCatalog.LoadApps(h.Simulator, CatalogWithout(h, "VirusTotal v3", "url reputation"));
        h.SeedSample("01");
        h.SeedSample("06");

        await h.CyclesUntilQuietAsync(ct);

        Assert.Empty(LookupPosts(h));
        // The other look-ups still go through the SOAR's apps.
        Assert.Contains(h.Simulator.ActionRuns, r => (string?)r.Body["type"] == "investigative");
        var warning = Assert.Single(h.Logs.Lines, l => l.Message.Contains("url_reputation", StringComparison.Ordinal) && l.Level == LogLevel.Warning);
        Assert.Contains("url reputation", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_AppActionInstalledLater_OfferedAgainAfterTheRefresh()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing, events", "assisted"),
            (services, _) => services.AddSingleton<TimeProvider>(clock),
            configureSimulator: o => o.IncludeDefaultCatalog = false, cancellationToken: ct);
        SimulatorCatalog.LoadApps(h.Simulator, CatalogWithout(h, "VirusTotal v3", "url reputation"));
        h.SeedSample("01");
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
        Assert.Empty(LookupPosts(h));

        // The admin installs the missing action; after the availability refresh the tool is offered again.
        SimulatorCatalog.LoadApps(h.Simulator, Path.Combine(RepoPaths.Samples, "soar", "apps.json"));
        clock.Advance(TimeSpan.FromMinutes(16));
        h.SeedSample("02");
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));

        Assert.NotEmpty(LookupPosts(h));
        Assert.Contains(h.Logs.Lines, l => l.Message.Contains("url_reputation", StringComparison.Ordinal) && l.Level == LogLevel.Information);
    }

    private static List<RecordedRequest> LookupPosts(BridgeHarness h) =>
        [.. h.Simulator.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/rest/action_run", StringComparison.Ordinal)
            && r.Body.Contains("\"url reputation\"", StringComparison.Ordinal))];

    /// <summary>The shipped app catalogue with one action taken out of one app (an older app version, say).</summary>
    private static string CatalogWithout(BridgeHarness h, string app, string action)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "soar", "apps.json")))!.AsObject();
        var actions = catalog["apps"]!.AsArray().Single(a => (string?)a!["name"] == app)!["actions"]!.AsArray();
        actions.Remove(actions.Single(a => (string?)a!["action"] == action));
        var path = Path.Combine(h.Folder, "apps-without.json");
        File.WriteAllText(path, catalog.ToJsonString());
        return path;
    }
}
