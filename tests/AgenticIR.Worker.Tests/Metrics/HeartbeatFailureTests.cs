using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary>Heartbeats report failures: an investigation whose documentation stage throws shows as an error of the agents
/// of that stage, wired the way <c>agentic-ir run</c> wires metrics.</summary>
public sealed class HeartbeatFailureTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-heartbeat-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Heartbeat_DocumentationStageFails_ErrorReportedForItsAgentsOnly()
    {
        var file = Path.Combine(_work.FullName, "metrics", "events.jsonl");
        var settings = MetricsSettings.From(file, longRunning: true, _ => null);
        await using (var harness = await MetricsTestSupport.HarnessAsync(_work, settings, Ct,
            more: services => services.AddSingleton<IReportSink>(new FailingReportSink())))
        {
            await harness.ReplayAsync([Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json")], Ct);
            Assert.Single(await harness.Pipeline.Store.ListDeadLettersAsync(10, Ct), d => d.Source == "stage:Responded");
            await harness.Pipeline.Get<AgentHeartbeatEmitter>().EmitOnceAsync(Ct);
        }

        var beats = MetricsTestSupport.ReadEvents(file).Where(e => e.Sourcetype == "agent_heartbeat")
            .ToDictionary(e => e.Event.GetProperty("agent_name").GetString()!, e => (e.Event.GetProperty("status").GetString(), e.Event.GetProperty("error_count").GetInt32()));
        Assert.Equal(("error", 1), beats[AgentNames.Documentation]);
        Assert.Equal(("error", 1), beats[AgentNames.Learning]);
        Assert.Equal(("healthy", 0), beats[AgentNames.Triage]);
        Assert.Equal(("healthy", 0), beats[AgentNames.Investigation]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class FailingReportSink : IReportSink
    {
        public Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken) =>
            throw new IOException("reports volume is read-only");

        public bool Has(string incidentId) => false;

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
