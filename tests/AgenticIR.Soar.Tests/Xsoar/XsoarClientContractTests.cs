using AgenticIR.Soar.Tests.Api;
using AgenticIR.Soar.Xsoar.Api;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>Paths, bodies and answer shapes of each XSOAR call, against the Swagger of demisto-py and the content scripts
/// that use the calls the Swagger lacks.</summary>
public sealed class XsoarClientContractTests : IClassFixture<WireMockFixture>, IDisposable
{
    private readonly WireMockServer _server;
    private readonly XsoarClient _client;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public XsoarClientContractTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _client = XsoarTestClients.Create(_server.Url!, new DrivenTimeProvider(), pageSize: 50);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task SearchIncidents_TypesAndCursor_SendsTheFilterAndReadsLabelsAndCustomFields()
    {
        _server.StubXsoar("POST", "/incidents/search", 200, """
            {"total": 3, "data": [{
              "id": "1042", "name": "Suspicious login", "type": "Phishing", "severity": 2.5, "status": 1,
              "created": "2026-03-01T10:00:00.123456789Z", "modified": "2026-03-01T11:30:00+02:00",
              "occurred": "0001-01-01T00:00:00Z", "playbookId": "Phishing Investigation - Generic v2", "version": 7,
              "labels": [{"type": "Email/from", "value": "x@example.com"}, {"type": "Brand", "value": null}],
              "CustomFields": {"scanip": "10.0.0.5", "detectionurl": "http://evil.example"}
            }]}
            """);

        var page = await _client.SearchIncidentsAsync(new XsoarIncidentQuery
        {
            Types = ["Phishing", "Malware"],
            ModifiedFrom = new DateTimeOffset(2026, 3, 1, 9, 0, 0, 5, TimeSpan.Zero),
            Page = 2,
        }, _ct);

        XsoarWire.AssertJsonBody(_server.Only(), """
            {"filter": {"page": 2, "size": 50, "sort": [{"field": "modified", "asc": true}],
                        "type": ["Phishing", "Malware"], "query": "modified:>=\"2026-03-01T09:00:00.005Z\""}}
            """);
        Assert.Equal(3, page.Total);
        var incident = Assert.Single(page.Incidents);
        Assert.Equal(("1042", "Phishing", 2.5, 1, 7L), (incident.Id, incident.Type, incident.Severity!.Value, incident.Status!.Value, incident.Version!.Value));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), incident.Modified);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), incident.Created);
        Assert.Null(incident.Occurred);
        Assert.Equal([new XsoarLabel("Email/from", "x@example.com")], incident.Labels);
        Assert.Equal("10.0.0.5", incident.CustomFields!.Value.GetProperty("scanip").GetString());
        Assert.Equal("Phishing Investigation - Generic v2", incident.PlaybookId);
        Assert.Equal("Suspicious login", incident.Raw.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetIncident_Absent_Null_SearchesById()
    {
        _server.StubXsoar("POST", "/incidents/search", 200, """{"total": 0, "data": null}""");

        Assert.Null(await _client.GetIncidentAsync("77", _ct));

        XsoarWire.AssertJsonBody(_server.Only(), """{"filter": {"page": 0, "size": 1, "sort": [{"field": "modified", "asc": true}], "id": ["77"]}}""");
    }

    [Fact]
    public async Task AddEntry_PostsMarkdownToTheInvestigation_ReturnsIdAndVersion()
    {
        _server.StubXsoar("POST", "/entry", 200, """{"id": "5@1042", "version": 1, "investigationId": "1042", "type": 1, "contents": "## Triage"}""");

        var entry = await _client.AddEntryAsync("1042", "## Triage", _ct);

        XsoarWire.AssertJsonBody(_server.Only(), """{"investigationId": "1042", "data": "## Triage", "markdown": true}""");
        Assert.Equal(("5@1042", 1L), (entry.Id, entry.Version!.Value));
    }

    [Fact]
    public async Task EditEntryAndTags_SendIdAndVersion()
    {
        _server.StubXsoar("POST", "/entry", 200, """{"id": "5@1042", "version": 2}""");
        _server.StubXsoar("POST", "/entry/tags", 200, """{"id": "5@1042", "version": 3, "tags": ["agentic-ir"]}""");

        var edited = await _client.EditEntryAsync("1042", "5@1042", 1, "v2", _ct);
        var tagged = await _client.SetEntryTagsAsync("1042", "5@1042", ["agentic-ir"], _ct);

        var requests = _server.LogEntries.Select(e => e.RequestMessage!).ToList();
        XsoarWire.AssertJsonBody(requests[0], """{"id": "5@1042", "version": 1, "investigationId": "1042", "data": "v2", "markdown": true}""");
        XsoarWire.AssertJsonBody(requests[1], """{"id": "5@1042", "version": -1, "investigationId": "1042", "tags": ["agentic-ir"]}""");
        Assert.Equal(2L, edited.Version);
        Assert.Equal(["agentic-ir"], tagged.Tags);
    }

    [Fact]
    public async Task ExecuteCommand_QuotesArgumentsPinsTheInstance_ReadsErrorEntries()
    {
        _server.StubXsoar("POST", "/entry/execute/sync", 200, """
            [{"id": "9@1042", "type": 4, "contents": "Error in API call [403]", "parentContent": "!pan-os-block-ip ...",
              "brand": "Panorama", "instance": "panorama_prod", "entryTask": null},
             {"id": "10@1042", "type": 1, "contents": {"ok": true}}]
            """);

        var entries = await _client.ExecuteCommandAsync("1042", "pan-os-block-ip",
            [new("ip", "1.2.3.4\" using=\"attacker"), new("log_forwarding", "default")], "panorama_prod", _ct);

        XsoarWire.AssertJsonBody(_server.Only(), """
            {"investigationId": "1042", "data": "!pan-os-block-ip ip=\"1.2.3.4\\\" using=\\\"attacker\" log_forwarding=\"default\" using=\"panorama_prod\""}
            """);
        Assert.True(entries[0].IsError);
        Assert.Equal(("Panorama", "panorama_prod"), (entries[0].Brand, entries[0].Instance));
        Assert.Equal("""{"ok": true}""", entries[1].Contents);
    }

    [Fact]
    public async Task GetEntries_ReadsTheInvestigationsEntriesWithTheirTask()
    {
        _server.StubXsoar("POST", "/investigation/1042", 200, """
            {"id": "1042", "entries": [{"id": "3@1042", "type": 1, "user": "analyst1", "contents": "/approve A2",
              "tags": ["approval"], "created": "2026-03-01T10:00:00Z",
              "entryTask": {"playbookName": "Phishing", "taskId": "12", "taskName": "Block sender", "taskStatus": "Completed"}}]}
            """);

        var entry = Assert.Single(await _client.GetEntriesAsync("1042", _ct));

        XsoarWire.AssertJsonBody(_server.Only(), """{"pageSize": 1000}""");
        Assert.Equal(("analyst1", "/approve A2"), (entry.User, entry.Contents));
        Assert.Equal(new XsoarEntryTask("Phishing", "12", "Block sender", "Completed"), entry.Task);
    }

    [Fact]
    public async Task PlaybookState_ReadsTheTaskMapAndTheCommandsTheyRun()
    {
        _server.StubXsoar("GET", "/inv-playbook/1042", 200, """
            {"playbookId": "pb1", "name": "Phishing Investigation", "state": "waiting", "tasks": {
              "4": {"id": "4", "state": "Completed", "type": "regular", "completedBy": "DBot", "completedDate": "2026-03-01T10:05:00Z",
                    "task": {"name": "Block IP", "scriptId": "Panorama|||pan-os-block-ip", "brand": "Panorama"}},
              "7": {"state": "Waiting", "type": "regular", "task": {"name": "Approve containment", "scriptId": ""}}}}
            """);

        var state = await _client.GetPlaybookStateAsync("1042", _ct);

        Assert.Equal(("pb1", "waiting"), (state!.PlaybookId, state.State));
        var block = state.Tasks.Single(t => t.Id == "4");
        Assert.Equal(("Block IP", "Panorama|||pan-os-block-ip", "DBot"), (block.Name, block.ScriptId, block.CompletedBy));
        var manual = state.Tasks.Single(t => t.Id == "7");
        Assert.Equal(("Waiting", null), (manual.State, manual.ScriptId));
    }

    [Fact]
    public async Task PlaybookState_NoPlaybook_Null()
    {
        _server.StubXsoar("GET", "/inv-playbook/1042", 404, """{"title": "not found"}""");

        Assert.Null(await _client.GetPlaybookStateAsync("1042", _ct));
    }

    [Fact]
    public async Task CompleteTask_SendsMultipartFields_RepeatIsAlreadyCompleted()
    {
        _server.StubXsoar("POST", "/inv-playbook/task/complete", 200, """{"id": "1042"}""");

        Assert.Equal(XsoarTaskCompletion.Completed, await _client.CompleteTaskAsync("1042", "7", "Approved by analyst1", _ct));

        var request = _server.Only();
        Assert.StartsWith("multipart/form-data", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
        Assert.Contains("name=\"investigationId\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("Approved by analyst1", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"taskId\"", request.Body, StringComparison.Ordinal);

        _server.Reset();
        _server.StubXsoar("POST", "/inv-playbook/task/complete", 400, """{"id": "bad_request", "status": 400, "title": "Task is completed already", "detail": ""}""");
        Assert.Equal(XsoarTaskCompletion.AlreadyCompleted, await _client.CompleteTaskAsync("1042", "7", "again", _ct));
    }

    [Fact]
    public async Task Integrations_ReadsCommandsArgumentsAndEnabledInstances()
    {
        _server.StubXsoar("POST", "/settings/integration/search", 200, """
            {"configurations": [{"name": "Panorama", "display": "Palo Alto Networks PAN-OS",
               "integrationScript": {"commands": [{"name": "pan-os-block-ip", "arguments": [{"name": "ip"}, {"name": "log_forwarding"}]}]}}],
             "instances": [{"name": "panorama_prod", "brand": "Panorama", "enabled": "true"},
                           {"name": "panorama_old", "brand": "Panorama", "enabled": "false"}]}
            """);

        var catalog = await _client.GetIntegrationsAsync(_ct);

        XsoarWire.AssertJsonBody(_server.Only(), """{"size": 1000}""");
        var command = Assert.Single(Assert.Single(catalog.Integrations).Commands);
        Assert.Equal("pan-os-block-ip", command.Name);
        Assert.Equal(["ip", "log_forwarding"], command.Arguments);
        Assert.Equal([new XsoarIntegrationInstance("panorama_prod", "Panorama", true), new XsoarIntegrationInstance("panorama_old", "Panorama", false)], catalog.Instances);
    }

    [Fact]
    public async Task UsersAndRoles_ReadRoleNamesPerUser()
    {
        _server.StubXsoar("GET", "/users", 200, """[{"id": "analyst1", "name": "Ana", "email": "ana@example.com", "roles": {"demisto": ["Analyst", "Tier2"]}}]""");
        _server.StubXsoar("GET", "/roles", 200, """[{"id": "Analyst", "name": "Analyst"}, {"id": "Tier2", "name": "Tier2"}]""");

        var user = Assert.Single(await _client.GetUsersAsync(_ct));
        var roles = await _client.GetRolesAsync(_ct);

        Assert.Equal("analyst1", user.Id);
        Assert.Equal(["Analyst", "Tier2"], user.Roles);
        Assert.Equal(["Analyst", "Tier2"], roles.Select(r => r.Name));
    }

    [Fact]
    public async Task BadRequest_MessageFromTitleAndDetail()
    {
        _server.StubXsoar("POST", "/entry", 400, """{"id": "bad_request", "status": 400, "title": "Could not find investigation", "detail": "investigation 9 not found"}""");

        var ex = await Assert.ThrowsAsync<XsoarRequestException>(() => _client.AddEntryAsync("9", "x", _ct));

        Assert.Equal((400, "Could not find investigation: investigation 9 not found"), (ex.Status, ex.XsoarMessage));
    }

    [Fact]
    public async Task UnreadableAnswer_RequestExceptionNamingTheCall()
    {
        _server.StubXsoar("POST", "/entry", 200, "[]");

        var ex = await Assert.ThrowsAsync<XsoarRequestException>(() => _client.AddEntryAsync("9", "x", _ct));

        Assert.Contains("unexpected answer to POST /entry", ex.Message, StringComparison.Ordinal);
    }
}
