using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;
using Npgsql;

namespace AgenticIR.Worker.Tests.Commands;

/// <summary>The real CLI on a PostgreSQL store chosen with <c>--store</c> or <c>AGENTICIR_STORE</c>: the schema is created
/// at start, the pipeline's state and audit trail go to the database (no SQLite file appears), and a store that cannot be
/// reached stops the command with one line that never shows the password.</summary>
public sealed class PostgresStoreCommandTests : IAsyncDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-pg-cli-");
    private readonly TempPostgresDatabase _database = new(empty: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> UriAsync()
    {
        await _database.ConnectionStringAsync();
        var admin = await PostgresTestServer.AdminAsync();
        return $"postgresql://{Uri.EscapeDataString(admin.Username!)}:{Uri.EscapeDataString(admin.Password!)}@{admin.Host}:{admin.Port}/{_database.Name}";
    }

    [Fact]
    public async Task Replay_StoreOptionWithPostgresUri_StateAndAuditTrailLiveInTheDatabase()
    {
        var uri = await UriAsync();

        var (code, output) = await CliProcess.RunAsync(_work.FullName, Ct,
            CliProcess.WithHome("replay", Path.Combine(AgenticIR.Testing.RepoPaths.Samples, "alerts"), "--store", uri, "--out", Path.Combine(_work.FullName, "reports"), "--quiet"));
        var (verifyCode, verified) = await CliProcess.RunAsync(_work.FullName, new Dictionary<string, string> { ["AGENTICIR_STORE"] = uri }, Ct,
            CliProcess.WithHome("audit", "verify"));

        Assert.True(code == 0, output);
        Assert.True(verifyCode == 0, verified);
        Assert.Contains("chain intact", verified, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work.FullName, "agentic-ir-data", "agentic-ir.db")), "replay on PostgreSQL also created a SQLite file");
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM intake), (SELECT COUNT(*) FROM investigations), (SELECT COUNT(*) FROM audit_records);", connection);
        await using var reader = await count.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        var alerts = Directory.GetFiles(Path.Combine(AgenticIR.Testing.RepoPaths.Samples, "alerts")).Length;
        Assert.Equal(alerts, reader.GetInt64(0));
        Assert.InRange(reader.GetInt64(1), 1, alerts);
        Assert.True(reader.GetInt64(2) > 0);
    }

    [Fact]
    public async Task AuditVerify_StoreRefusesThePassword_ExitsTwoNamingTheStoreButNotThePassword()
    {
        var uri = (await UriAsync()).Replace(Uri.EscapeDataString((await PostgresTestServer.AdminAsync()).Password!) + "@", "Wrong-Secret-42@", StringComparison.Ordinal);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, new Dictionary<string, string> { ["AGENTICIR_STORE"] = uri }, Ct,
            CliProcess.WithHome("audit", "verify"));

        Assert.Equal(2, code);
        Assert.Contains($"the PostgreSQL store postgresql://", output, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Secret-42", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }
}
