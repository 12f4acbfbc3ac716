using AgenticIR.Testing;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Hosting;

/// <summary>The configuration an operator gives (appsettings.json, environment variables, the short AGENTICIR_*
/// variables, command-line options) reaches the host in that order of precedence, and a bad setting stops a command at
/// start-up with one line naming it and exit code 2, never a stack trace.</summary>
public sealed class ConfigurationTests : IAsyncDisposable
{
    private readonly TempSqliteDatabase _db = new("agentic-ir-config-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Work => _db.Work.FullName;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task WriteSettingsAsync(string json) => File.WriteAllTextAsync(Path.Combine(Work, "appsettings.json"), json, Ct);

    private Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string>? environment, params string[] args) =>
        CliProcess.RunAsync(Work, environment, Ct, CliProcess.WithHome(args));

    [Fact]
    public async Task DatabasePath_FileThenEnvironmentThenShortVariableThenOption_EachLaterOneWins()
    {
        await WriteSettingsAsync("""{ "AgenticIR": { "DatabasePath": "from-file.db" } }""");
        var environment = new Dictionary<string, string>();

        var fromFile = await RunAsync(environment, "show", "inv-x");
        environment["AgenticIR__DatabasePath"] = "from-env.db";
        var fromEnvironment = await RunAsync(environment, "show", "inv-x");
        environment["AGENTICIR_DB"] = "from-short.db";
        var fromShortVariable = await RunAsync(environment, "show", "inv-x");
        var fromOption = await RunAsync(environment, "show", "inv-x", "--db", "from-option.db");

        Assert.Contains($"No database at {Path.Combine(Work, "from-file.db")}", fromFile.Output, StringComparison.Ordinal);
        Assert.Contains($"No database at {Path.Combine(Work, "from-env.db")}", fromEnvironment.Output, StringComparison.Ordinal);
        Assert.Contains($"No database at {Path.Combine(Work, "from-short.db")}", fromShortVariable.Output, StringComparison.Ordinal);
        Assert.Contains($"No database at {Path.Combine(Work, "from-option.db")}", fromOption.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MaxInputBytesInTheFile_DeadLettersALargerInput()
    {
        await WriteSettingsAsync("""{ "AgenticIR": { "MaxInputBytes": 4096 } }""");
        var big = Path.Combine(Work, "big.json");
        await File.WriteAllTextAsync(big, "{\"title\":\"big\",\"src_ip\":\"45.155.205.233\",\"description\":\"" + new string('A', 5000) + "\"}", Ct);
        var summary = Path.Combine(Work, "summary.jsonl");

        var (code, output) = await RunAsync(null, "replay", big, "--db", _db.FilePath, "--summary-json", summary);

        Assert.True(code == 0, output);
        var line = System.Text.Json.JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(summary, Ct))).RootElement;
        Assert.Equal("dead_lettered", line.GetProperty("status").GetString());
        Assert.Contains("above the maximum of 4096 bytes", line.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_StoreBackendThisBuildDoesNotHave_ExitsTwoNamingTheSettingAndTheChoices()
    {
        await _db.MigratedAsync(cancellationToken: Ct);

        var (code, output) = await RunAsync(new() { ["AGENTICIR_STORE"] = "mysql" }, "show", "inv-x", "--db", _db.FilePath);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", output.Trim(), StringComparison.Ordinal);
        Assert.Contains("Storage:Backend (AGENTICIR_STORE, --store) is 'mysql'", output, StringComparison.Ordinal);
        Assert.Contains("it must be sqlite, a postgresql://user:password@host:port/dbname URI, or postgresql", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at AgenticIR", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_PostgresqlWithoutAConnection_ExitsTwoNamingWhereTheConnectionGoes()
    {
        var (code, output) = await RunAsync(new() { ["AGENTICIR_STORE"] = "postgresql" }, "show", "inv-x");

        Assert.Equal(2, code);
        Assert.Contains("Storage:Postgres:ConnectionString is empty", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at AgenticIR", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_SettingOutOfRangeInTheFile_ExitsTwoNamingItBeforeAnyWork()
    {
        await WriteSettingsAsync("""{ "AgenticIR": { "Lanes": 0 } }""");
        var sample = Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json");

        var (code, output) = await RunAsync(null, "replay", sample, "--db", _db.FilePath, "--out", Path.Combine(Work, "reports"));

        Assert.Equal(2, code);
        Assert.Contains("AgenticIR:Lanes is 0: it must be between 1 and 64", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Work, "reports")), "no report may be written");
        Assert.DoesNotContain(" at AgenticIR", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ModeOff_ExitsTwoNamingTheSetting()
    {
        // Off is chosen per playbook; a worker-wide off would open investigations nothing may act on.
        var (code, output) = await RunAsync(new() { ["AgenticIR__Mode"] = "off" }, "replay", RepoPaths.Samples, "--db", _db.FilePath);

        Assert.Equal(2, code);
        Assert.Contains("AgenticIR:Mode is 'off': it must be shadow, assisted or autonomous", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_ValueThatDoesNotConvert_ExitsTwoNamingTheKey()
    {
        await _db.MigratedAsync(cancellationToken: Ct);

        var (code, output) = await RunAsync(new() { ["Storage__Sqlite__BusyTimeout"] = "soon" }, "audit", "verify", "--db", _db.FilePath);

        Assert.Equal(2, code);
        Assert.Contains("Storage:Sqlite:BusyTimeout", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SeveralSectionsRefused_EachOnItsOwnLine()
    {
        await _db.MigratedAsync(cancellationToken: Ct);
        var environment = new Dictionary<string, string>
        {
            ["Storage__Sqlite__BusyTimeout"] = "00:00:00",
            ["Soar__SplunkSoar__Dispatch__SendLease"] = "00:00:00",
        };

        var (code, output) = await RunAsync(environment, "show", "inv-x", "--db", _db.FilePath);

        Assert.Equal(2, code);
        var errors = output.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("Storage:Sqlite:BusyTimeout is 00:00:00", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Soar:SplunkSoar:Dispatch:SendLease is 00:00:00", StringComparison.Ordinal));
        Assert.DoesNotContain(" at AgenticIR", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_ConfigVariableNamesAMissingFile_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(Work, "nowhere.json");

        var (code, output) = await RunAsync(new() { ["AGENTICIR_CONFIG"] = missing }, "audit", "verify", "--db", _db.FilePath);

        Assert.Equal(2, code);
        Assert.Contains($"AGENTICIR_CONFIG names {missing}, which does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingsPath_FromEnvironment_StoreCommandsStillRunWhileThePipelineRefusesIt()
    {
        await _db.MigratedAsync(cancellationToken: Ct);
        var environment = new Dictionary<string, string> { ["AgenticIR__MappingsPath"] = Path.Combine(Work, "no-mappings") };

        var audit = await RunAsync(environment, "audit", "verify", "--db", _db.FilePath);
        var replay = await RunAsync(environment, "replay", RepoPaths.Samples, "--db", _db.FilePath, "--out", Path.Combine(Work, "reports"));

        Assert.True(audit.ExitCode == 0, audit.Output);
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("definition error(s)", replay.Output, StringComparison.Ordinal);
        Assert.Contains("no-mappings", replay.Output, StringComparison.Ordinal);
    }
}
