using AgenticIR.Soar.Tests.Api;
using AgenticIR.Soar.Xsoar.Api;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>The calls the playbook audit makes on XSOAR: the playbook library, incidents by creation time, and the work
/// plan with its task starts, arguments and sub-playbooks.</summary>
public sealed class XsoarPlaybookHistoryContractTests : IClassFixture<WireMockFixture>, IDisposable
{
    private readonly WireMockServer _server;
    private readonly XsoarClient _client;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public XsoarPlaybookHistoryContractTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _client = XsoarTestClients.Create(_server.Url!, new DrivenTimeProvider(), pageSize: 50);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task SearchPlaybooks_Page_SendsQueryPageAndSizeAndReadsTheFlags()
    {
        _server.StubXsoar("POST", "/playbook/search", 200, """
            {"total": 3, "playbooks": [
              {"id": "phishing_custom", "name": "Phishing - Custom", "hidden": false, "tasks": {"1": {}}},
              {"id": "old", "name": "Old Triage", "hidden": true, "deprecated": true},
              {"name": "No Id"}
            ]}
            """);

        var page = await _client.SearchPlaybooksAsync(1, _ct);

        XsoarWire.AssertJsonBody(_server.Only(), """{"query": "", "page": 1, "size": 50}""");
        Assert.Equal(3, page.Total);
        Assert.Equal(
            [new XsoarPlaybook("phishing_custom", "Phishing - Custom", false, false), new XsoarPlaybook("old", "Old Triage", true, true), new XsoarPlaybook("No Id", "No Id", false, false)],
            page.Playbooks);
    }

    [Fact]
    public async Task SearchIncidents_CreatedFrom_QueriesAndSortsOnCreationTime()
    {
        _server.StubXsoar("POST", "/incidents/search", 200, """{"total": 0, "data": []}""");

        await _client.SearchIncidentsAsync(new XsoarIncidentQuery { CreatedFrom = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero) }, _ct);

        XsoarWire.AssertJsonBody(_server.Only(), """
            {"filter": {"page": 0, "size": 50, "sort": [{"field": "created", "asc": true}], "query": "created:>=\"2026-09-01T00:00:00.000Z\""}}
            """);
    }

    [Fact]
    public async Task GetPlaybookState_FinishedRun_ReadsStartArgumentsAndSubPlaybookTasks()
    {
        _server.StubXsoar("GET", "/inv-playbook/1042", 200, """
            {"playbookId": "phishing_custom", "name": "Phishing - Custom", "state": "failed", "startDate": "2026-10-01T08:00:00Z",
             "tasks": {
               "1": {"id": "1", "state": "Completed", "type": "playbook", "startDate": "2026-10-01T08:00:01Z", "completedDate": "2026-10-01T08:00:30Z",
                     "task": {"name": "Enrich", "scriptId": ""},
                     "subPlaybook": {"playbookId": "enrich", "state": "completed", "tasks": {
                       "2": {"id": "2", "state": "Completed", "task": {"scriptId": "VirusTotal (API v3)|||url", "brand": "VirusTotal (API v3)"},
                             "scriptArguments": {"url": {"simple": "${URL.Data}"}, "extended": {"complex": {"root": "x"}}}}}}},
               "3": {"id": "3", "state": "Error", "type": "regular",
                     "task": {"scriptId": "Panorama|||pan-os-edit-custom-url-category", "brand": "Panorama"},
                     "scriptArguments": {"action": {"simple": "add"}}}
             }}
            """);

        var plan = await _client.GetPlaybookStateAsync("1042", _ct);

        Assert.Equal(("failed", new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero)), (plan!.State, plan.StartDate!.Value));
        var enrich = Assert.Single(plan.Tasks, t => t.Id == "1");
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 1, TimeSpan.Zero), enrich.StartDate);
        var sub = Assert.Single(enrich.SubPlaybook!.Tasks);
        Assert.Equal(("VirusTotal (API v3)|||url", "${URL.Data}"), (sub.ScriptId, sub.ScriptArguments["url"]));
        Assert.False(sub.ScriptArguments.ContainsKey("extended"));
        Assert.Equal("add", Assert.Single(plan.Tasks, t => t.Id == "3").ScriptArguments["action"]);
    }
}
