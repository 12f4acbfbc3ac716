using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Inventory;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.Worker.Commands.Playbooks;
using AgenticIR.Worker.Tests.GovernanceCli;
using AgenticIR.Worker.Tests.Support;
using SplunkNames = AgenticIR.SoarSimulator.Inventory.PlaybookInventorySeed.Names;
using XsoarNames = AgenticIR.SoarSimulator.Xsoar.XsoarPlaybookInventorySeed.Names;

namespace AgenticIR.Worker.Tests.Migration;

/// <summary><c>playbooks audit</c> over every configured SOAR instance: a Splunk SOAR and a Cortex XSOAR simulator with
/// seeded inventories side by side, and an XSOAR instance nothing listens on.</summary>
public sealed class CrossPlatformAuditCliTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-xaudit-");
    private SplunkSoarSimulator _splunk = null!;
    private XsoarSimulator _xsoar = null!;
    private string _splunkToken = null!;
    private string _xsoarKey = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _splunk = await SplunkSoarSimulator.StartAsync(new SimulatorOptions { Token = "tok-" + Guid.NewGuid().ToString("N"), IncludeDefaultCatalog = true }, Ct);
        PlaybookInventorySeed.Seed(_splunk, TimeProvider.System.GetUtcNow());
        _xsoar = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = "key-" + Guid.NewGuid().ToString("N") }, Ct);
        XsoarPlaybookInventorySeed.Seed(_xsoar, TimeProvider.System.GetUtcNow());
        _splunkToken = Path.Combine(_work.FullName, "soar.token");
        await File.WriteAllTextAsync(_splunkToken, _splunk.Token, Ct);
        _xsoarKey = Path.Combine(_work.FullName, "xsoar.key");
        await File.WriteAllTextAsync(_xsoarKey, _xsoar.ApiKey, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _splunk.DisposeAsync();
        await _xsoar.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    private Task<(int ExitCode, string Output)> AuditAsync(bool withUnreachable, params string[] args)
    {
        // An XSOAR instance nothing listens on, beside the two that answer.
        var unreachable = withUnreachable
            ? $"  - name: xsoar-dr\n    base_url: http://127.0.0.1:{FreePort()}\n    allow_http: true\n    timeout_seconds: 2\n    api_key_file: {_xsoarKey}\n"
            : "";
        var config = SoarConfigFolder.Create(Directory.CreateDirectory(Path.Combine(_work.FullName, "run-" + Guid.NewGuid().ToString("N"))).FullName, $"""
            splunk_soar:
              - name: lab
                base_url: {_splunk.BaseUrl}
                allow_http: true
                token_file: {_splunkToken}
            xsoar:
              - name: xsoar-lab
                base_url: {_xsoar.BaseUrl}
                allow_http: true
                api_key_file: {_xsoarKey}
            {unreachable}
            """);
        return InProcessCli.RunAsync(PlaybooksCommand.Create, Ct, ["playbooks", "audit", .. args, "--policy", config.Policy, "--db", Path.Combine(_work.FullName, "state.db")]);
    }

    [Fact]
    public async Task Audit_Json_BothPlatformsInOneList()
    {
        var (code, output) = await AuditAsync(false, "--format", "json");

        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("playbooks").EnumerateArray()
            .ToDictionary(p => (p.GetProperty("platform").GetString()!, p.GetProperty("playbook").GetString()!));
        Assert.Equal("convert", rows[("splunk_soar", SplunkNames.PhishingInvestigate)].GetProperty("recommendation").GetString());
        var xsoar = rows[("xsoar", XsoarNames.PhishingInvestigation)];
        Assert.Equal(("xsoar-lab", "convert", 61, 5), (xsoar.GetProperty("instance").GetString(), xsoar.GetProperty("recommendation").GetString(),
            xsoar.GetProperty("runs").GetInt32(), xsoar.GetProperty("failed_runs").GetInt32()));
        Assert.Equal(["block_url", "revoke_sessions", "url_reputation", "user_lookup"], xsoar.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("keep", rows[("xsoar", XsoarNames.TicketAndNotify)].GetProperty("recommendation").GetString());
        Assert.Equal("retire", rows[("xsoar", XsoarNames.LegacySandbox)].GetProperty("recommendation").GetString());
    }

    [Fact]
    public async Task Audit_Csv_RowsOfBothPlatformsUnderOneHeader()
    {
        var (code, output) = await AuditAsync(false, "--format", "csv");

        Assert.Equal(0, code);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', PlaybookAuditOutput.CsvColumns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{SplunkNames.GeoBlock},splunk_soar,lab,true,20,10,6.667,0.5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{XsoarNames.GeoBlock},xsoar,xsoar-lab,true,20,10,6.667,0.5,", StringComparison.Ordinal) && l.Contains(",keep,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_Table_BothPlatformsInOneTable()
    {
        var (code, output) = await AuditAsync(false);

        Assert.Equal(0, code);
        Assert.Contains(SplunkNames.MalwareContain, output, StringComparison.Ordinal);
        Assert.Contains(XsoarNames.MalwareContainment, output, StringComparison.Ordinal);
        Assert.Contains("xsoar-lab", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_InstanceOption_SelectsOnlyThatInstance()
    {
        var (code, output) = await AuditAsync(false, "--format", "json", "--instance", "xsoar-lab");

        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("playbooks").EnumerateArray().ToList();
        Assert.Equal(11, rows.Count);
        Assert.All(rows, r => Assert.Equal(("xsoar", "xsoar-lab"), (r.GetProperty("platform").GetString(), r.GetProperty("instance").GetString())));
    }

    [Fact]
    public async Task Audit_UnreachableInstance_ReportedAndTheOthersRowsKept()
    {
        var (code, output) = await AuditAsync(true);

        Assert.Equal(1, code);
        Assert.Contains("XSOAR instance 'xsoar-dr': unavailable", output, StringComparison.Ordinal);
        Assert.Contains(SplunkNames.PhishingInvestigate, output, StringComparison.Ordinal);
        Assert.Contains(XsoarNames.PhishingInvestigation, output, StringComparison.Ordinal);
        Assert.DoesNotContain("xsoar-dr │", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
