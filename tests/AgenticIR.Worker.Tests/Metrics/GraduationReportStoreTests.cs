using AgenticIR.Core.Alerts;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Commands.Splunk;
using AgenticIR.Worker.Tests.GovernanceCli;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary><c>graduation report</c> reads the shadow comparisons the SOAR bridge stored in the --db database.</summary>
public sealed class GraduationReportStoreTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _db = new("agentic-ir-graduation-cli-");
    private DirectoryInfo _work => _db.Work;
    private string Db => _db.FilePath;
    private SqliteStoreOptions Options => _db.Options;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _db.MigratedAsync(cancellationToken: Ct);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Report_StoredComparisons_RowsWithCountsBoundsAndRecommendation()
    {
        var store = new SqliteShadowComparisonStore(Options);
        var now = TimeProvider.System.GetUtcNow();
        // 200 final comparisons, 199 agreeing: lower bound 0.972 ≥ 0.95 → promote. One open comparison does not count.
        for (var i = 0; i < 200; i++)
            await store.UpsertAsync(MetricsTestSupport.Comparison("phishing_triage", Severity.Medium, agrees: i != 0, now.AddHours(-i - 1), 1000 + i), Ct);
        await store.UpsertAsync(MetricsTestSupport.Comparison("phishing_triage", Severity.Medium, true, now.AddMinutes(-5), 5000) with { Final = false }, Ct);
        // A harmful one: containment planned, the analyst closed it as a false positive.
        await store.UpsertAsync(MetricsTestSupport.Comparison("endpoint_and_cloud", Severity.High, false, now.AddDays(-2), 6000,
            agentActions: ["isolate_endpoint"], analystDisposition: "false_positive"), Ct);

        var (code, output) = await InProcessCli.RunAsync(GraduationCommand.Create, Ct, "graduation", "report", "--db", Db);

        Assert.True(code == 0, output);
        var phishing = Line(output, "phishing_triage");
        Assert.Contains("medium", phishing, StringComparison.Ordinal);
        Assert.Contains("(199/200)", phishing, StringComparison.Ordinal);
        Assert.Contains("0.972", phishing, StringComparison.Ordinal);
        Assert.Contains("promote to autonomous", phishing, StringComparison.Ordinal);
        var endpoint = Line(output, "endpoint_and_cloud");
        Assert.Contains("stay", endpoint, StringComparison.Ordinal);
        Assert.Contains("1 harmful", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NoDatabase_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(_work.FullName, "missing.db");

        var (code, output) = await InProcessCli.RunAsync(GraduationCommand.Create, Ct, "graduation", "report", "--db", missing);

        Assert.Equal(2, code);
        Assert.Contains("No database", output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    private static string Line(string output, string playbook) =>
        output.Split('\n').SingleOrDefault(l => l.Contains(playbook, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no row for {playbook}:\n{output}");
}
