using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Sqlite.Controls;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Commands.Governance;

namespace AgenticIR.Worker.Tests.GovernanceCli;

public sealed class KillSwitchCommandTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _db = new("agentic-ir-killswitch-cli-");
    private DirectoryInfo _work => _db.Work;
    private string Db => _db.FilePath;
    private SqliteStoreOptions Options => _db.Options;

    public async ValueTask InitializeAsync() => await _db.MigratedAsync(cancellationToken: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync(KillSwitchCommand.Create, TestContext.Current.CancellationToken, ["kill-switch", .. args, "--db", Db]);

    private async Task<List<AuditRecord>> AuditAsync()
    {
        using var audit = new SqliteAuditLog(Options, TimeProvider.System);
        return [.. await audit.ReadAsync(1, 100, TestContext.Current.CancellationToken)];
    }

    [Fact]
    public async Task Engage_ThenStatus_ListsWhoWhenAndWhyAndAudits()
    {
        var (code, output) = await RunAsync("engage", "--scope", "global", "--by", "alice", "--reason", "bad EDR rollout");
        Assert.True(code == 0, output);
        Assert.Contains("engaged", output, StringComparison.Ordinal);

        var (statusCode, status) = await RunAsync("status");

        Assert.Equal(0, statusCode);
        foreach (var part in new[] { "global", "alice", "bad EDR rollout" }) Assert.Contains(part, status, StringComparison.Ordinal);
        var active = Assert.Single(await new SqliteGovernanceControlStore(Options).ActiveAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("global", "alice", "bad EDR rollout"), (active.Scope, active.EngagedBy, active.Reason));
        var record = Assert.Single(await AuditAsync());
        Assert.Equal(("kill_switch", "global", "alice", "engaged"), (record.Entry.ActionType, record.Entry.Target, record.Entry.ApproverIdentity, record.Entry.Outcome));
    }

    [Fact]
    public async Task Release_EngagedSwitch_GoneFromStatusAndAReleaseOfNothingExitsOne()
    {
        await RunAsync("engage", "--scope", "investigation:inv-42", "--by", "alice", "--reason", "suspect plan");

        var (code, output) = await RunAsync("release", "--scope", "investigation:inv-42", "--by", "bob", "--reason", "plan reviewed");
        var (_, status) = await RunAsync("status");
        var (again, againOutput) = await RunAsync("release", "--scope", "investigation:inv-42", "--by", "bob");

        Assert.True(code == 0, output);
        Assert.Contains("released", output, StringComparison.Ordinal);
        Assert.Contains("No kill switch engaged", status, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Contains("not engaged", againOutput, StringComparison.Ordinal);
        var released = Assert.Single(await new SqliteGovernanceControlStore(Options).HistoryAsync(DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken));
        Assert.Equal("bob", released.ReleasedBy);
        Assert.Equal(["engaged", "released"], (await AuditAsync()).Select(r => r.Entry.Outcome));
    }

    [Fact]
    public async Task Engage_Twice_FirstEngagementKept()
    {
        await RunAsync("engage", "--scope", "agent:response_orchestrator", "--by", "alice", "--reason", "first");

        var (code, output) = await RunAsync("engage", "--scope", "agent:response_orchestrator", "--by", "bob", "--reason", "second");

        Assert.Equal(0, code);
        Assert.Contains("already engaged", output, StringComparison.Ordinal);
        Assert.Equal("alice", Assert.Single(await new SqliteGovernanceControlStore(Options).ActiveAsync(TestContext.Current.CancellationToken)).EngagedBy);
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("agent:")]
    public async Task Engage_UnknownScope_ExitsTwoAndEngagesNothing(string scope)
    {
        var (code, output) = await RunAsync("engage", "--scope", scope, "--by", "alice", "--reason", "x");

        Assert.Equal(2, code);
        Assert.Contains("global, agent:<name> or investigation:<id>", output, StringComparison.Ordinal);
        Assert.Empty(await new SqliteGovernanceControlStore(Options).ActiveAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Engage_MistypedDatabase_ExitsTwoWithoutCreatingOne()
    {
        var wrong = Path.Combine(_work.FullName, "typo.db");

        var (code, output) = await InProcessCli.RunAsync(KillSwitchCommand.Create, TestContext.Current.CancellationToken,
            "kill-switch", "engage", "--scope", "global", "--by", "alice", "--reason", "x", "--db", wrong);

        Assert.Equal(2, code);
        Assert.Contains("No database", output, StringComparison.Ordinal);
        Assert.False(File.Exists(wrong));
    }

    [Fact]
    public async Task Release_ByPolicy_Refused()
    {
        await RunAsync("engage", "--scope", "global", "--by", "alice", "--reason", "x");

        var (code, _) = await RunAsync("release", "--scope", "global", "--by", "policy:consecutive_failures");

        Assert.Equal(2, code);
        Assert.Single(await new SqliteGovernanceControlStore(Options).ActiveAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Engage_PolicyDoesNotLoad_StillEngagedAndAudited()
    {
        var broken = Path.Combine(_work.FullName, "governance.yaml");
        await File.WriteAllTextAsync(broken, "kill_switch: [not, a, map", TestContext.Current.CancellationToken);

        var (code, output) = await RunAsync("engage", "--scope", "global", "--by", "alice", "--reason", "policy typo and a bad rollout", "--policy", broken);

        Assert.True(code == 0, output);
        Assert.Contains("does not load", output, StringComparison.Ordinal);
        Assert.Equal("alice", Assert.Single(await new SqliteGovernanceControlStore(Options).ActiveAsync(TestContext.Current.CancellationToken)).EngagedBy);
        Assert.Equal("engaged", Assert.Single(await AuditAsync()).Entry.Outcome);
    }
}
