using System.Text;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Worker.Tests.AuditTrail;

/// <summary><c>agentic-ir audit verify</c> and <c>export</c> run as an operator runs them, on a trail written by a replay.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private const string NulAlert = """{"title":"Beacon\u0000hidden tail","src_ip":"45.155.205.233","user":"nul01"}""";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-audit-cli-");

    private string Database => Path.Combine(_work.FullName, "state.db");

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
    public async Task AuditVerify_AfterReplayingAlertWithNulInTitle_ExitsZero()
    {
        var ct = TestContext.Current.CancellationToken;
        var alert = Path.Combine(_work.FullName, "nul.json");
        await File.WriteAllTextAsync(alert, NulAlert, ct);
        var (replayCode, replayOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("replay", alert, "--db", Database, "--quiet"));
        Assert.True(replayCode == 0, replayOutput);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database));

        Assert.True(code == 0, output);
        Assert.Contains("chain intact", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edited", "UPDATE audit_records SET outcome = 'failed' WHERE sequence = 3;", "record 3 was edited")]
    [InlineData("deleted", "DELETE FROM audit_records WHERE sequence = 3;", "record 3 is missing: the chain jumps from record 2 to record 4")]
    [InlineData("appended", """
        INSERT INTO audit_records SELECT sequence + 1, timestamp, agent_name, 'action_outcome', target, justification, approval_status,
            approver_identity, 'success', evidence_hash, investigation_id, details, hash, hash FROM audit_records ORDER BY sequence DESC LIMIT 1;
        """, "added outside the audit log")]
    [InlineData("truncated", "DELETE FROM audit_records WHERE sequence = (SELECT MAX(sequence) FROM audit_records);", "missing from the end")]
    public async Task AuditVerify_TamperedTrail_ExitsOneNamingTheProblem(string tampering, string sql, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await ReplayNulAlertAsync(ct);
        await ExecuteAsync(sql, ct);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database));

        Assert.True(code == 1, $"{tampering}: {output}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_EditAndCutEnd_ListsBothProblems()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReplayNulAlertAsync(ct);
        await ExecuteAsync("UPDATE audit_records SET outcome = 'failed' WHERE sequence = 2; DELETE FROM audit_records WHERE sequence = (SELECT MAX(sequence) FROM audit_records);", ct);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database));

        Assert.Equal(1, code);
        Assert.Contains("2 problems", output, StringComparison.Ordinal);
        Assert.Contains("record 2 was edited", output, StringComparison.Ordinal);
        Assert.Contains("missing from the end", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditExport_JsonThenVerifyExport_ExitsZeroAndOneOnceTheFileIsCut()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReplayNulAlertAsync(ct);
        var export = Path.Combine(_work.FullName, "audit.jsonl");

        var (exportCode, exportOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "export", "--format", "json", "--output", export, "--db", Database));
        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--export", export));
        var lines = await File.ReadAllLinesAsync(export, ct);
        await File.WriteAllLinesAsync(export, lines[..^2].Append(lines[^1]), new UTF8Encoding(false), ct);
        var (cutCode, cutOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--export", export));

        Assert.True(exportCode == 0, exportOutput);
        Assert.Contains("checkpoint: ", exportOutput, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        Assert.Equal(1, cutCode);
        Assert.Contains("missing from the end", cutOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_CheckpointFromAnExportAfterTheStoreWasRewrittenToMatch_ExitsOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReplayNulAlertAsync(ct);
        var (_, exportOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "export", "--format", "cef", "--db", Database));
        var checkpoint = exportOutput.Split('\n').Single(l => l.StartsWith("checkpoint: ", StringComparison.Ordinal))["checkpoint: ".Length..].Trim();
        // Cut the last record and move the head back with it: the store alone is consistent again.
        await ExecuteAsync(
            """
            DELETE FROM audit_records WHERE sequence = (SELECT MAX(sequence) FROM audit_records);
            UPDATE audit_head SET head_sequence = (SELECT MAX(sequence) FROM audit_records),
                head_hash = (SELECT hash FROM audit_records ORDER BY sequence DESC LIMIT 1), record_count = record_count - 1;
            """, ct);

        var (plainCode, plainOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database));
        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database, "--checkpoint", checkpoint));

        Assert.True(plainCode == 0, plainOutput);
        Assert.Equal(1, code);
        Assert.Contains("of the checkpoint", output, StringComparison.Ordinal);
    }

    private async Task ReplayNulAlertAsync(CancellationToken cancellationToken)
    {
        var alert = Path.Combine(_work.FullName, "nul.json");
        await File.WriteAllTextAsync(alert, NulAlert, cancellationToken);
        await using var harness = await ReplayHarness.CreateAsync(work: _work, cancellationToken: cancellationToken);
        var run = await harness.ReplayAsync([alert], cancellationToken);
        Assert.Equal("processed", Assert.Single(run.Lines).Status);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
