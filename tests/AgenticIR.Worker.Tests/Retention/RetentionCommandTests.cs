using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Worker.Tests.Retention;

/// <summary><c>agentic-ir retention run</c> as an operator runs it, on a store and report folder written by a replay.</summary>
public sealed class RetentionCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-retention-cli-");

    private string Database => Path.Combine(_work.FullName, "state.db");

    private string Reports => Path.Combine(_work.FullName, "reports");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
    public async Task RetentionRun_EverythingPastRetention_DryRunChangesNothingThenRunRemovesItAndAuditStillVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var alert = Path.Combine(RepoPaths.Root, "samples", "alerts", "01-phish-url-credential-harvest.json");
        var environment = new Dictionary<string, string>
        {
            ["AgenticIR__ReportsPath"] = Reports,
            // Zero days: everything finished before now is past retention.
            ["Retention__FinishedInvestigationsDays"] = "0",
            ["Retention__DeliveredMessagesDays"] = "0",
            ["Retention__DeadLettersDays"] = "0",
            ["Retention__ReportsDays"] = "0",
            ["Retention__AuditDays"] = "0",
            ["Retention__AuditSignedOffBy"] = "j.doe (retention policy)",
        };
        var (replayCode, replayOutput) = await CliProcess.RunAsync(_work.FullName, environment, ct, CliProcess.WithHome("replay", alert, "--db", Database, "--quiet"));
        Assert.True(replayCode == 0, replayOutput);
        var reportFiles = Directory.GetFiles(Reports).Length;
        Assert.True(reportFiles > 0);

        var (dryCode, dryOutput) = await CliProcess.RunAsync(_work.FullName, environment, ct, CliProcess.WithHome("retention", "run", "--dry-run", "--db", Database));

        Assert.True(dryCode == 0, dryOutput);
        Assert.Contains("Would remove 1 finished investigations", dryOutput, StringComparison.Ordinal);
        Assert.Contains($"{reportFiles} report files", dryOutput, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync("investigations", ct));
        Assert.Equal(reportFiles, Directory.GetFiles(Reports).Length);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, environment, ct, CliProcess.WithHome("retention", "run", "--db", Database));

        Assert.True(code == 0, output);
        Assert.Contains("Removed 1 finished investigations", output, StringComparison.Ordinal);
        Assert.Contains("Audit trail: pruned", output, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("investigations", ct));
        Assert.Equal(0L, await CountAsync("stage_events", ct));
        Assert.Equal(0L, await CountAsync("bus_messages", ct));
        Assert.Equal(0L, await CountAsync("intake", ct));
        Assert.Empty(Directory.GetFiles(Reports));
        var (verifyCode, verifyOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database));
        Assert.True(verifyCode == 0, verifyOutput);
        Assert.Contains("chain intact", verifyOutput, StringComparison.Ordinal);
    }

    private async Task<long> CountAsync(string table, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
