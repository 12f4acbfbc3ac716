using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Sqlite.ModeOverrides;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Commands.Splunk;
using AgenticIR.Worker.Tests.GovernanceCli;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary><c>graduation caps</c> shows automatic demotions; <c>graduation reinstate</c> lifts one, audited.</summary>
public sealed class GraduationCapsCommandTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _db = new("agentic-ir-caps-cli-");
    private DirectoryInfo _work => _db.Work;
    private string Db => _db.FilePath;
    private SqliteStoreOptions Options => _db.Options;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _db.MigratedAsync(cancellationToken: Ct);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Reinstate_CapInForce_LiftedAuditedAndGoneFromCaps()
    {
        var store = new SqlitePlaybookModeOverrideStore(Options);
        var cap = new PlaybookModeOverride("endpoint_autonomy", Severity.High, PlaybookMode.Assisted, "live agreement 0.200 < floor 0.900 over 25 comparisons",
            TimeProvider.System.GetUtcNow(), "graduation_monitor");
        Assert.True(await store.AddAsync(cap, Ct));
        Assert.False(await store.AddAsync(cap with { Reason = "again" }, Ct));

        var (listCode, list) = await RunAsync("caps");
        var (code, output) = await RunAsync("reinstate", "endpoint_autonomy", "high", "--by", "alice", "--reason", "rule fixed");
        var (_, after) = await RunAsync("caps");
        var (again, _) = await RunAsync("reinstate", "endpoint_autonomy", "high", "--by", "alice");

        Assert.Equal(0, listCode);
        foreach (var part in new[] { "endpoint_autonomy", "high", "assisted", "0.200 < floor" }) Assert.Contains(part, list, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        Assert.Contains("No caps in force", after, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Empty(await store.ListActiveAsync(Ct));
        Assert.True(await store.AddAsync(cap, Ct));
        using var audit = new SqliteAuditLog(Options, TimeProvider.System);
        var record = Assert.Single(await audit.ReadAsync(1, 10, Ct));
        Assert.Equal(("playbook_reinstated", "endpoint_autonomy/high", "alice", "rule fixed"),
            (record.Entry.ActionType, record.Entry.Target, record.Entry.ApproverIdentity, record.Entry.Justification));
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync(GraduationCommand.Create, Ct, ["graduation", .. args, "--db", Db]);
}
