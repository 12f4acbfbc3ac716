using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Shadow;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Inventory;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using AgenticIR.Worker.Commands.Governance;
using AgenticIR.Worker.Commands.Playbooks;
using AgenticIR.Worker.Commands.Splunk;
using AgenticIR.Worker.Tests.GovernanceCli;
using AgenticIR.Worker.Tests.Support;
using static AgenticIR.SoarSimulator.Inventory.PlaybookInventorySeed.Names;

namespace AgenticIR.Worker.Tests.Migration;

/// <summary>The migration path on the command line against the simulator's seeded inventory: audit, onboard in shadow,
/// promote on evidence, break glass, and what lands in config/playbooks.yaml, the audit trail and the governance report.</summary>
public sealed class MigrationCliTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-migration-");
    private SplunkSoarSimulator _simulator = null!;
    private SoarConfigFolder _config = null!;

    private string Db => Path.Combine(_work.FullName, "state.db");
    private string PlaybooksFile => Path.Combine(_config.Folder, "playbooks.yaml");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = await SplunkSoarSimulator.StartAsync(new SimulatorOptions { Token = "tok-" + Guid.NewGuid().ToString("N"), IncludeDefaultCatalog = true }, Ct);
        PlaybookInventorySeed.Seed(_simulator, TimeProvider.System.GetUtcNow());
        var token = Path.Combine(_work.FullName, "soar.token");
        await File.WriteAllTextAsync(token, _simulator.Token, Ct);
        _config = SoarConfigFolder.Create(_work.FullName, $"""
            splunk_soar:
              - name: lab
                base_url: {_simulator.BaseUrl}
                allow_http: true
                token_file: {token}
            """);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    private Task<(int ExitCode, string Output)> PlaybooksAsync(params string[] args) =>
        InProcessCli.RunAsync(PlaybooksCommand.Create, Ct, ["playbooks", .. args, "--policy", _config.Policy, "--db", Db]);

    private Task<(int ExitCode, string Output)> GraduationAsync(params string[] args) =>
        InProcessCli.RunAsync(GraduationCommand.Create, Ct, ["graduation", .. args, "--policy", _config.Policy, "--db", Db]);

    private async Task<List<AuditRecord>> AuditAsync(string actionType)
    {
        var log = new SqliteAuditLog(new SqliteStoreOptions { Path = Db }, TimeProvider.System);
        var records = new List<AuditRecord>();
        await foreach (var record in log.StreamAsync(new AuditQuery { ActionType = actionType }, Ct)) records.Add(record);
        return records;
    }

    [Fact]
    public async Task Audit_Json_ClassifiesTheSeededInventoryWithTheIssuesFields()
    {
        var (code, output) = await PlaybooksAsync("audit", "--format", "json");

        Assert.Equal(0, code);
        var playbooks = JsonDocument.Parse(output).RootElement.GetProperty("playbooks").EnumerateArray()
            .ToDictionary(p => p.GetProperty("playbook").GetString()!);
        Assert.Equal("convert", playbooks[PhishingInvestigate].GetProperty("recommendation").GetString());
        Assert.Equal("keep", playbooks[TicketAndNotify].GetProperty("recommendation").GetString());
        Assert.Equal("retire", playbooks[UnusedDraft].GetProperty("recommendation").GetString());
        var phishing = playbooks[PhishingInvestigate];
        foreach (var field in new[] { "platform", "active", "runs", "failed_runs", "success_rate", "last_run", "median_duration_seconds", "actions", "agent_coverage", "reasons" })
            Assert.True(phishing.TryGetProperty(field, out _), field);
        Assert.Equal(61, phishing.GetProperty("runs").GetInt32());
    }

    [Fact]
    public async Task Audit_Csv_OneRowPerPlaybookUnderTheHeader()
    {
        var (code, output) = await PlaybooksAsync("audit", "--format", "csv", "--instance", "lab");

        Assert.Equal(0, code);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', PlaybookAuditOutput.CsvColumns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{GeoBlock},splunk_soar,lab,true,20,10,6.667,0.5,", StringComparison.Ordinal) && l.Contains(",keep,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_UnknownInstance_ExitsTwoNamingTheConfiguredOnes()
    {
        var (code, output) = await PlaybooksAsync("audit", "--instance", "prod");

        Assert.Equal(2, code);
        Assert.Contains("No Splunk SOAR or XSOAR instance 'prod'", output, StringComparison.Ordinal);
        Assert.Contains("(it has: lab)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Onboard_ConvertCandidate_AddsAValidatedEntryBeforeTheBroaderOneKeepsCommentsAndAudits()
    {
        var before = await File.ReadAllLinesAsync(PlaybooksFile, Ct);

        var (code, output) = await PlaybooksAsync("onboard", PhishingInvestigate, "--by", "alice");

        Assert.Equal(0, code);
        Assert.Contains("Onboarded local/phishing_investigate as entry phishing_investigate", output, StringComparison.Ordinal);
        var after = await File.ReadAllLinesAsync(PlaybooksFile, Ct);
        // Every line the team wrote is still there, in order; only the entry was added.
        Assert.True(IsSubsequence(before, after), "a line of the original file was lost or moved");
        Assert.Equal(before.Length + 5, after.Length);
        var catalog = PlaybookCatalogLoader.Load(PlaybooksFile);
        // Placed before phishing_triage (labels phishing, email), which would otherwise take its containers.
        var entry = catalog.Match("lab", "phishing", [PhishingInvestigate]);
        Assert.Equal(("phishing_investigate", PlaybookMode.Shadow), (entry!.Name, entry.Mode));
        Assert.Equal(["phishing"], entry.Match.Labels);
        Assert.Equal("phishing_triage", catalog.Match("lab", "phishing", ["local/other"])!.Name);
        var record = Assert.Single(await AuditAsync(PlaybookOnboardCommand.OnboardedActionType));
        Assert.Equal(("alice", "phishing_investigate", "phishing", "shadow"),
            (record.Entry.ApproverIdentity, record.Entry.Target, record.Entry.Details["labels"], record.Entry.Details["mode"]));
        var version = await new SqlitePolicyVersionStore(new SqliteStoreOptions { Path = Db }).LatestAsync(Ct);
        Assert.Equal((PolicyVersion.PlaybookOnboardingKind, "alice", PlaybooksFile), (version!.Kind, version.AcceptedBy, version.SourceFile));
        Assert.Equal((PolicyVersion.PlaybookOnboardingKind, version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (record.Entry.Details["kind"], record.Entry.Details["version"]));
    }

    [Fact]
    public async Task Onboard_Twice_SecondLeavesTheFileAsItIs()
    {
        Assert.Equal(0, (await PlaybooksAsync("onboard", PasswordResetRequest, "--by", "alice")).ExitCode);
        var once = await File.ReadAllBytesAsync(PlaybooksFile, Ct);

        var (code, output) = await PlaybooksAsync("onboard", "password_reset_request", "--by", "bob");

        Assert.Equal(0, code);
        Assert.Contains("already onboarded as entry password_reset_request (mode shadow); nothing changed", output, StringComparison.Ordinal);
        Assert.Equal(once, await File.ReadAllBytesAsync(PlaybooksFile, Ct));
        Assert.Single(await AuditAsync(PlaybookOnboardCommand.OnboardedActionType));
    }

    [Fact]
    public async Task Onboard_PlaybookWithoutRuns_IsRefused()
    {
        var before = await File.ReadAllBytesAsync(PlaybooksFile, Ct);

        var (code, output) = await PlaybooksAsync("onboard", UnusedDraft, "--by", "alice");

        Assert.Equal(1, code);
        Assert.Contains("has no run in the last 90 days", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(PlaybooksFile, Ct));
    }

    [Fact]
    public async Task Promote_WithoutEvidence_IsRefusedWithTheReasonAndChangesNothing()
    {
        Assert.Equal(0, (await PlaybooksAsync("onboard", MalwareContain, "--by", "alice")).ExitCode);
        var before = await File.ReadAllBytesAsync(PlaybooksFile, Ct);
        var few = await ComparisonsAsync("malware_contain", Severity.High, 20);

        var (none, noneOutput) = await GraduationAsync("promote", "malware_contain", "--by", "alice", "--comparisons", await ComparisonsAsync("malware_contain", Severity.High, 0));
        var (some, someOutput) = await GraduationAsync("promote", "malware_contain", "--by", "alice", "--comparisons", few);

        Assert.Equal((1, 1), (none, some));
        Assert.Contains("no shadow comparison in the last 30 days", noneOutput, StringComparison.Ordinal);
        Assert.Contains("Refused", someOutput, StringComparison.Ordinal);
        Assert.Contains("high: insufficient evidence", someOutput, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(PlaybooksFile, Ct));
        Assert.Empty(await AuditAsync("policy_change"));
    }

    [Fact]
    public async Task Promote_EntryNotOnboarded_IsRefused()
    {
        Assert.Equal(0, (await PlaybooksAsync("onboard", MalwareContain, "--by", "alice")).ExitCode);

        var (code, output) = await GraduationAsync("promote", "geo_block", "--by", "alice", "--comparisons", await ComparisonsAsync("geo_block", Severity.High, 250));

        Assert.Equal(1, code);
        Assert.Contains("no entry 'geo_block'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_WithEvidence_SetsThatSeverityAutonomousAsAnAuditedPolicyVersion()
    {
        Assert.Equal(0, (await PlaybooksAsync("onboard", MalwareContain, "--by", "alice")).ExitCode);
        var evidence = await ComparisonsAsync("malware_contain", Severity.High, 250);

        var (code, output) = await GraduationAsync("promote", "malware_contain", "--by", "carol", "--comparisons", evidence);

        Assert.Equal(0, code);
        Assert.Contains("Promoted malware_contain to autonomous at high", output, StringComparison.Ordinal);
        var entry = PlaybookCatalogLoader.Load(PlaybooksFile).Entries.Single(e => e.Name == "malware_contain");
        Assert.Equal(PlaybookMode.Autonomous, entry.ToAssignment().For(Severity.High));
        Assert.Equal(PlaybookMode.Shadow, entry.ToAssignment().For(Severity.Medium));
        var version = await new SqlitePolicyVersionStore(new SqliteStoreOptions { Path = Db }).LatestAsync(Ct);
        Assert.Equal((PolicyVersion.PlaybookPromotionKind, "carol", PlaybooksFile), (version!.Kind, version.AcceptedBy, version.SourceFile));
        var change = Assert.Single(await AuditAsync("policy_change"));
        Assert.Equal(("carol", "high", version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), PolicyVersion.PlaybookPromotionKind),
            (change.Entry.ApproverIdentity, change.Entry.Details["severities"], change.Entry.Details["version"], change.Entry.Details["kind"]));
        // The governance report lists the onboarding and the promotion, each as its own kind.
        var (_, json) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, Ct, "governance", "report", "--format", "json", "--policy", _config.Policy, "--db", Db);
        Assert.Equal([PolicyVersion.PlaybookOnboardingKind, PolicyVersion.PlaybookPromotionKind],
            JsonDocument.Parse(json).RootElement.GetProperty("policy_versions").EnumerateArray().Select(v => v.GetProperty("kind").GetString()));
        var (_, text) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, Ct, "governance", "report", "--policy", _config.Policy, "--db", Db);
        Assert.Contains("2 policy version(s)", text, StringComparison.Ordinal);
        Assert.Contains(PolicyVersion.PlaybookPromotionKind, text, StringComparison.Ordinal);

        // A second promotion on the same evidence has nothing left to do.
        var (again, againOutput) = await GraduationAsync("promote", "malware_contain", "--by", "carol", "--comparisons", evidence);
        Assert.Equal(0, again);
        Assert.Contains("already runs autonomous", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakGlass_SeededInventory_ReportsTheGapsAndTheGovernanceReportFlagsThem()
    {
        var (code, output) = await PlaybooksAsync("break-glass");

        Assert.Equal(1, code);
        Assert.Contains("3 of 4 critical capability fallback(s) have gaps", output, StringComparison.Ordinal);
        Assert.Equal(4, (await AuditAsync(BreakGlassCommand.CheckActionType)).Count);

        var (reportCode, report) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, Ct,
            "governance", "report", "--format", "json", "--policy", _config.Policy, "--db", Db);
        Assert.Equal(0, reportCode);
        var statuses = JsonDocument.Parse(report).RootElement.GetProperty("break_glass").EnumerateArray()
            .ToDictionary(s => s.GetProperty("capability").GetString()!, s => s.GetProperty("ready").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["contain_host"] = true, ["contain_account"] = false, ["contain_mail"] = false, ["contain_address"] = false }, statuses);
    }

    private static bool IsSubsequence(string[] part, string[] whole)
    {
        var i = 0;
        foreach (var line in whole)
        {
            if (i < part.Length && line == part[i]) i++;
        }
        return i == part.Length;
    }

    private async Task<string> ComparisonsAsync(string playbook, Severity severity, int count)
    {
        var path = Path.Combine(_work.FullName, $"{playbook}-{severity}-{count}.jsonl");
        var now = TimeProvider.System.GetUtcNow();
        var lines = Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new ShadowComparisonFacts
        {
            InvestigationId = $"inv-{i}",
            ContainerId = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Instance = "lab",
            Playbook = playbook,
            AgentSeverity = severity,
            PlaybookSeverity = severity,
            SeverityAgreement = true,
            AgentDisposition = Disposition.TruePositive,
            AnalystDisposition = Disposition.TruePositive,
            DispositionAgreement = true,
            ActionOverlap = 1,
            ObservedAt = now.AddHours(-(i + 1)),
        }, CoreJson.Options));
        await File.WriteAllLinesAsync(path, lines, Ct);
        return path;
    }
}
