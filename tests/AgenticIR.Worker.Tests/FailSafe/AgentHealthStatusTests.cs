using System.Text.Json;
using AgenticIR.Core.Governance;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Controls;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.FailSafe;

/// <summary><c>status --json</c> shows each agent's health from the store: a kill switch, an open breaker and why.</summary>
public sealed class AgentHealthStatusTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-agent-status-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }

    [Fact]
    public async Task Status_AgentStoppedAndBreakerOpen_JsonListsEveryAgentWithStateAndReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Path.Combine(_work.FullName, "state.db");
        var options = new SqliteStoreOptions { Path = db };
        await new SqliteStateStore(options, TimeProvider.System).InitializeAsync(ct);
        var controls = new SqliteGovernanceControlStore(options);
        var at = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero);
        await controls.EngageAsync(new KillSwitch(KillSwitch.ForAgent(AgentStages.Triage), "alice", "model upgrade", at), ct);
        await controls.EngageAsync(new KillSwitch(AgentBreakerScopes.Open(AgentStages.Investigation), AgentBreakerScopes.HealthLoop, "5 failed stages in the last 5 min (limit 5)", at), ct);

        var (exit, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("status", "--json", "--db", db));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var agents = json.RootElement.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agent").GetString()!);
        Assert.Equal(AgentStages.All.Order(), agents.Keys.Order());
        Assert.Equal("stopped", agents[AgentStages.Triage].GetProperty("state").GetString());
        Assert.Contains("model upgrade", agents[AgentStages.Triage].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("breaker_open", agents[AgentStages.Investigation].GetProperty("state").GetString());
        Assert.Contains("limit 5", agents[AgentStages.Investigation].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", agents[AgentStages.Response].GetProperty("state").GetString());
        // The breaker is the health loop's, not a kill switch.
        Assert.Equal([KillSwitch.ForAgent(AgentStages.Triage)],
            json.RootElement.GetProperty("kill_switches").EnumerateArray().Select(k => k.GetProperty("scope").GetString()).ToList());
    }
}
