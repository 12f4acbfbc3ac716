using AgenticIR.Soar.SplunkSoar.Api;
using WireMock.Server;
using static AgenticIR.Soar.Tests.Api.SoarWire;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>The exact requests the client sends for every call, and how it reads each answer shape.</summary>
public sealed class SplunkSoarClientContractTests : IClassFixture<WireMockFixture>, IDisposable
{
    private readonly WireMockServer _server;
    private readonly SplunkSoarClient _client;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SplunkSoarClientContractTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _client = SoarTestClients.Create(_server.Url!, new DrivenTimeProvider());
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task GetVersion_Get_ReturnsVersion()
    {
        _server.Stub("GET", "/rest/version", 200, """{"version": "6.4.1.361"}""");

        Assert.Equal("6.4.1.361", await _client.GetVersionAsync(_ct));

        AssertRequest(_server.Single(), "GET", "/rest/version");
    }

    [Fact]
    public async Task ListContainers_OneLabelWithCursor_QuotedLabelIdAndDateFiltersSortedById()
    {
        _server.Stub("GET", "/rest/container", 200, """
            {"count": 3, "num_pages": 2, "data": [
              {"id": 41, "name": "Phish from x", "label": "phishing", "severity": "high", "status": "new",
               "source_data_identifier": "sdi-41", "create_time": "2026-02-01T10:00:00.123456Z",
               "update_time": "2026-02-01T10:05:00.000000Z", "close_time": null,
               "custom_fields": {"disposition": "true_positive", "score": 7}}
            ]}
            """);

        var page = await _client.ListContainersAsync(
            new ContainerQuery(["phishing"], IdGreaterThan: 40, UpdatedAfter: new DateTimeOffset(2026, 2, 1, 11, 0, 0, TimeSpan.FromHours(1)), Page: 1, PageSize: 50), _ct);

        var request = _server.Single();
        AssertRequest(request, "GET", "/rest/container",
            ("_filter_label", "\"phishing\""), ("_filter_id__gt", "40"), ("_filter_update_time__gt", "\"2026-02-01T10:00:00.000000Z\""),
            ("sort", "id"), ("order", "asc"), ("page", "1"), ("page_size", "50"));
        Assert.Contains("_filter_label=%22phishing%22", request.RawQuery, StringComparison.Ordinal);
        Assert.Equal((3, 2), (page.Count, page.NumPages));
        var c = Assert.Single(page.Data);
        Assert.Equal((41L, "Phish from x", "phishing", "high", "new", "sdi-41"), (c.Id, c.Name, c.Label, c.Severity, c.Status, c.SourceDataIdentifier));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 10, 0, 0, 123, 456, TimeSpan.Zero), c.CreateTime);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 10, 5, 0, TimeSpan.Zero), c.UpdateTime);
        Assert.Null(c.CloseTime);
        Assert.Equal("true_positive", c.CustomFields["disposition"]);
        Assert.Equal("7", c.CustomFields["score"]);
        Assert.Equal(41, c.Raw.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ListContainers_SeveralLabels_InFilterWithJsonList()
    {
        _server.Stub("GET", "/rest/container", 200, """{"count": 0, "num_pages": 0, "data": []}""");

        var page = await _client.ListContainersAsync(new ContainerQuery(["phishing", "malware \"x\""]), _ct);

        AssertRequest(_server.Single(), "GET", "/rest/container",
            ("_filter_label__in", """["phishing","malware \"x\""]"""), ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "100"));
        Assert.Empty(page.Data);
    }

    [Fact]
    public async Task ListContainers_NoLabel_ThrowsWithoutCallingTheSoar()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.ListContainersAsync(new ContainerQuery([]), _ct));

        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task GetContainer_Missing_Null()
    {
        _server.Stub("GET", "/rest/container/7", 404, """{"failed": true, "message": "Requested item not found"}""");

        Assert.Null(await _client.GetContainerAsync(7, _ct));

        AssertRequest(_server.Single(), "GET", "/rest/container/7");
    }

    [Fact]
    public async Task ListArtifacts_TwoPages_RequestsEachPageOldestFirst()
    {
        _server.Stub("GET", "/rest/container/9/artifacts", 200, """
            {"count": 3, "num_pages": 2, "data": [
              {"id": 1, "container": 9, "name": "ip", "label": "event", "severity": "medium", "source_data_identifier": "a1", "create_time": "2026-01-01T00:00:00Z", "cef": {"sourceAddress": "10.0.0.1"}},
              {"id": 2, "container": 9, "name": "url", "label": "event"}]}
            """, ("page", "0"));
        _server.Stub("GET", "/rest/container/9/artifacts", 200, """
            {"count": 3, "num_pages": 2, "data": [{"id": 3, "container_id": 9, "name": "hash", "label": "event"}]}
            """, ("page", "1"));

        var artifacts = await _client.ListArtifactsAsync(9, _ct);

        Assert.Equal([1L, 2L, 3L], artifacts.Select(a => a.Id));
        Assert.All(artifacts, a => Assert.Equal(9, a.ContainerId));
        Assert.Equal(("ip", "event", "medium", "a1"), (artifacts[0].Name, artifacts[0].Label, artifacts[0].Severity, artifacts[0].SourceDataIdentifier));
        Assert.Equal("10.0.0.1", artifacts[0].Raw.GetProperty("cef").GetProperty("sourceAddress").GetString());
        var requests = _server.LogEntries.Select(e => e.RequestMessage!).OrderBy(r => r.Query!["page"][0], StringComparer.Ordinal).ToList();
        Assert.Equal(2, requests.Count);
        AssertRequest(requests[0], "GET", "/rest/container/9/artifacts", ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "2"));
        AssertRequest(requests[1], "GET", "/rest/container/9/artifacts", ("sort", "id"), ("order", "asc"), ("page", "1"), ("page_size", "2"));
    }

    [Fact]
    public async Task FindArtifact_SdiWithSpecialCharacters_QuotedEncodedNewestFirst()
    {
        _server.Stub("GET", "/rest/artifact", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 88, "container": 5, "source_data_identifier": "agenticir:f/1 & \"2\""}]}""");

        var found = await _client.FindArtifactAsync(5, "agenticir:f/1 & \"2\"", _ct);

        Assert.Equal(88, found!.Id);
        var request = _server.Single();
        AssertRequest(request, "GET", "/rest/artifact",
            ("_filter_container_id", "5"), ("_filter_source_data_identifier", "\"agenticir:f/1 & \\\"2\\\"\""),
            ("sort", "id"), ("order", "desc"), ("page", "0"), ("page_size", "1"));
        Assert.Contains("_filter_source_data_identifier=%22agenticir%3Af%2F1%20%26%20%5C%222%5C%22%22", request.RawQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindArtifact_NoMatch_Null()
    {
        _server.Stub("GET", "/rest/artifact", 200, """{"count": 0, "num_pages": 0, "data": []}""");

        Assert.Null(await _client.FindArtifactAsync(5, "sdi", _ct));
    }

    [Fact]
    public async Task CreateArtifact_New_PostsEveryFieldAndReturnsId()
    {
        _server.Stub("POST", "/rest/artifact", 200, """{"success": true, "id": 18}""");

        var write = await _client.CreateArtifactAsync(NewFinding(), _ct);

        Assert.Equal(new ArtifactWrite(18, false), write);
        var request = _server.Single();
        AssertRequest(request, "POST", "/rest/artifact");
        AssertJsonBody(request, """
            {"container_id": 5, "name": "Malicious IP", "label": "agenticir_finding", "severity": "high",
             "source_data_identifier": "agenticir:inv-1:f1", "cef": {"destinationAddress": "203.0.113.9"},
             "cef_types": {"destinationAddress": ["ip"]}, "description": "Beaconing <every 60 s>", "run_automation": false}
            """);
    }

    [Fact]
    public async Task CreateArtifact_DuplicateAnswer_AlreadyExistedWithTheExistingId()
    {
        _server.Stub("POST", "/rest/artifact", 400, """{"failed": true, "message": "artifact already exists", "existing_artifact_id": 17}""");

        var write = await _client.CreateArtifactAsync(NewFinding(), _ct);

        Assert.Equal(new ArtifactWrite(17, true), write);
    }

    [Fact]
    public async Task UpdateArtifact_PostsToTheArtifactWithoutContainer()
    {
        _server.Stub("POST", "/rest/artifact/17", 200, """{"success": true, "id": 17}""");

        await _client.UpdateArtifactAsync(17, NewFinding(), _ct);

        var request = _server.Single();
        AssertRequest(request, "POST", "/rest/artifact/17");
        AssertJsonBody(request, """
            {"name": "Malicious IP", "label": "agenticir_finding", "severity": "high",
             "source_data_identifier": "agenticir:inv-1:f1", "cef": {"destinationAddress": "203.0.113.9"},
             "cef_types": {"destinationAddress": ["ip"]}, "description": "Beaconing <every 60 s>", "run_automation": false}
            """);
    }

    [Fact]
    public async Task CreateNote_PostsGeneralNote_ReturnsId()
    {
        _server.Stub("POST", "/rest/note", 200, """{"success": true, "id": 10}""");

        var id = await _client.CreateNoteAsync(new NewNote(5, "AgenticIR triage", "**High** – 0.91 <b>"), _ct);

        Assert.Equal(10, id);
        var request = _server.Single();
        AssertRequest(request, "POST", "/rest/note");
        AssertJsonBody(request, """
            {"container_id": 5, "note_type": "general", "title": "AgenticIR triage", "content": "**High** – 0.91 <b>", "note_format": "markdown"}
            """);
    }

    [Fact]
    public async Task UpdateNote_PostsTitleContentFormatToTheNote()
    {
        _server.Stub("POST", "/rest/note/10", 200, """{"success": true, "id": 10}""");

        await _client.UpdateNoteAsync(10, new NewNote(5, "AgenticIR triage", "v2", "html"), _ct);

        var request = _server.Single();
        AssertRequest(request, "POST", "/rest/note/10");
        AssertJsonBody(request, """{"title": "AgenticIR triage", "content": "v2", "note_format": "html"}""");
    }

    [Fact]
    public async Task ListNotes_FiltersByContainer()
    {
        _server.Stub("GET", "/rest/note", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 10, "container": 5, "title": "t", "content": "c", "note_type": "general"}]}""");

        var notes = await _client.ListNotesAsync(5, _ct);

        Assert.Equal(new SoarNote(10, 5, "t", "c"), Assert.Single(notes));
        AssertRequest(_server.Single(), "GET", "/rest/note", ("_filter_container", "5"), ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "2"));
    }

    [Fact]
    public async Task ListComments_FiltersByContainerAndAfterId()
    {
        _server.Stub("GET", "/rest/container_comment", 200, """
            {"count": 1, "num_pages": 1, "data": [{"id": 31, "container": 5, "comment": "/approve a-1", "user": 3, "time": "2026-02-02T08:00:00Z"}]}
            """);

        var comments = await _client.ListCommentsAsync(5, 30, _ct);

        Assert.Equal(new SoarComment(31, 5, "/approve a-1", 3, new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero)), Assert.Single(comments));
        AssertRequest(_server.Single(), "GET", "/rest/container_comment",
            ("_filter_container", "5"), ("_filter_id__gt", "30"), ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "2"));
    }

    [Fact]
    public async Task CreateComment_PostsContainerAndComment_ReturnsId()
    {
        _server.Stub("POST", "/rest/container_comment", 200, """{"success": true, "id": 32}""");

        Assert.Equal(32, await _client.CreateCommentAsync(5, "Approval recorded", _ct));

        var request = _server.Single();
        AssertRequest(request, "POST", "/rest/container_comment");
        AssertJsonBody(request, """{"container_id": 5, "comment": "Approval recorded"}""");
    }

    [Fact]
    public async Task GetUser_ReadsRolesAndActiveFlag()
    {
        _server.Stub("GET", "/rest/ph_user/3", 200, """{"id": 3, "username": "smatthew", "is_active": false, "roles": ["Administrator", "Analyst"], "type": "normal"}""");

        var user = await _client.GetUserAsync(3, _ct);

        Assert.Equal((3L, "smatthew", false), (user!.Id, user.Username, user.Enabled));
        Assert.Equal(["Administrator", "Analyst"], user.Roles);
        AssertRequest(_server.Single(), "GET", "/rest/ph_user/3");
    }

    [Fact]
    public async Task GetUser_RolesAsIdsNumericStringsOrObjects_IdsKeptApartFromNames()
    {
        _server.Stub("GET", "/rest/ph_user/3", 200, """{"id": 3, "username": "smatthew", "is_active": true, "roles": [4, "7", "Analyst", {"id": 9, "name": "Observer"}, {"id": 11}]}""");

        var user = await _client.GetUserAsync(3, _ct);

        Assert.Equal(["Analyst", "Observer"], user!.Roles);
        Assert.Equal([4L, 7L, 11L], user.RoleIds);
    }

    [Fact]
    public async Task ListRoles_PageSizeZero_ReadsIdsAndNames()
    {
        _server.Stub("GET", "/rest/role", 200, """{"count": 2, "num_pages": 1, "data": [{"id": 4, "name": "Analyst", "permissions": [], "users": [3]}, {"id": 7, "name": "Incident Commander"}]}""");

        var roles = await _client.ListRolesAsync(_ct);

        Assert.Equal([new SoarRole(4, "Analyst"), new SoarRole(7, "Incident Commander")], roles);
        AssertRequest(_server.Single(), "GET", "/rest/role", ("page_size", "0"));
    }

    [Fact]
    public async Task GetUser_Missing_Null()
    {
        _server.Stub("GET", "/rest/ph_user/4", 404, """{"failed": true, "message": "not found"}""");

        Assert.Null(await _client.GetUserAsync(4, _ct));
    }

    [Fact]
    public async Task FindUser_QuotedUsernameFilter()
    {
        _server.Stub("GET", "/rest/ph_user", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 3, "username": "ir.lead", "is_active": true, "roles": []}]}""");

        var user = await _client.FindUserAsync("ir.lead", _ct);

        Assert.Equal(3, user!.Id);
        AssertRequest(_server.Single(), "GET", "/rest/ph_user", ("_filter_username", "\"ir.lead\""), ("page", "0"), ("page_size", "1"));
    }

    [Fact]
    public async Task ListApps_PageSizeZero_ReadsVendorProductVersion()
    {
        _server.Stub("GET", "/rest/app", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 201, "name": "Palo Alto Networks Firewall", "product_vendor": "Palo Alto Networks", "product_name": "Firewall", "app_version": "3.1.2"}]}""");

        var app = Assert.Single(await _client.ListAppsAsync(_ct));

        Assert.Equal(new SoarApp(201, "Palo Alto Networks Firewall", "Palo Alto Networks", "Firewall", "3.1.2"), app);
        AssertRequest(_server.Single(), "GET", "/rest/app", ("page_size", "0"));
    }

    [Fact]
    public async Task ListAppActions_ParametersAsObjectOrList_BothRead()
    {
        _server.Stub("GET", "/rest/app_action", 200, """
            {"count": 2, "num_pages": 1, "data": [
              {"id": 1, "app": 201, "action": "block ip", "type": "contain",
               "parameters": {"ip": {"data_type": "string", "required": true, "contains": ["ip"], "primary": true}, "is_source_address": {"data_type": "boolean"}}},
              {"id": 2, "app": 202, "action": "ip reputation", "type": "investigate",
               "parameters": [{"name": "ip", "data_type": "string", "required": true, "contains": "ip"}]}
            ]}
            """);

        var actions = await _client.ListAppActionsAsync(_ct);

        AssertRequest(_server.Single(), "GET", "/rest/app_action", ("page_size", "0"));
        Assert.Equal((1L, 201L, "block ip", "contain"), (actions[0].Id, actions[0].AppId, actions[0].Action, actions[0].Type));
        Assert.Equal(["ip", "is_source_address"], actions[0].Parameters.Select(p => p.Name));
        Assert.Equal(("string", true, "ip"), (actions[0].Parameters[0].DataType, actions[0].Parameters[0].Required, Assert.Single(actions[0].Parameters[0].Contains)));
        Assert.False(actions[0].Parameters[1].Required);
        var listed = Assert.Single(actions[1].Parameters);
        Assert.Equal(("ip", true, "ip"), (listed.Name, listed.Required, Assert.Single(listed.Contains)));
    }

    [Fact]
    public async Task ListAssets_PageSizeZero()
    {
        _server.Stub("GET", "/rest/asset", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 24, "name": "pan_fw", "product_vendor": "Palo Alto Networks", "product_name": "Firewall"}]}""");

        Assert.Equal(new SoarAsset(24, "pan_fw", "Palo Alto Networks", "Firewall"), Assert.Single(await _client.ListAssetsAsync(_ct)));
        AssertRequest(_server.Single(), "GET", "/rest/asset", ("page_size", "0"));
    }

    [Fact]
    public async Task RunAction_PostsDocumentedBody_ReturnsActionRunId()
    {
        _server.Stub("POST", "/rest/action_run", 200, """{"action_run_id": 501, "message": "Action submitted"}""");
        var request = new ActionRunRequest(5, "block ip", "agenticir block_ip a-1",
            [new ActionRunTarget(["pan_fw"], [new Dictionary<string, string> { ["ip"] = "203.0.113.9", ["is_source_address"] = "false" }], 201)],
            Type: "contain");

        Assert.Equal(501, await _client.RunActionAsync(request, _ct));

        var sent = _server.Single();
        AssertRequest(sent, "POST", "/rest/action_run");
        AssertJsonBody(sent, """
            {"action": "block ip", "container_id": 5, "name": "agenticir block_ip a-1", "type": "contain",
             "targets": [{"assets": ["pan_fw"], "parameters": [{"ip": "203.0.113.9", "is_source_address": "false"}], "app_id": 201}]}
            """);
    }

    [Fact]
    public async Task GetActionRun_ReadsStatusAndTargets()
    {
        _server.Stub("GET", "/rest/action_run/501", 200, """
            {"id": 501, "container": 5, "action": "block ip", "name": "agenticir block_ip a-1", "status": "success", "message": "1 action succeeded",
             "playbook_run": null, "start_time": "2026-02-02T08:00:00Z", "update_time": "2026-02-02T08:00:09Z",
             "targets": [{"assets": [24], "parameters": [{"ip": "203.0.113.9", "is_source_address": false}], "app_id": 201}]}
            """);

        var run = await _client.GetActionRunAsync(501, _ct);

        AssertRequest(_server.Single(), "GET", "/rest/action_run/501");
        Assert.Equal((501L, 5L, "block ip", "success", (long?)null, true), (run.Id, run.ContainerId, run.Action, run.Status, run.PlaybookRunId, run.IsTerminal));
        var target = Assert.Single(run.Targets);
        Assert.Equal(["24"], target.Assets);
        Assert.Equal("false", Assert.Single(target.Parameters)["is_source_address"]);
        Assert.Equal(201, target.AppId);
    }

    [Fact]
    public async Task ListAppRuns_ListsThenReadsEachWithResultData()
    {
        _server.Stub("GET", "/rest/action_run/501/app_runs", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 900, "action_run": 501, "status": "success", "action": "block ip", "asset": 24}]}""");
        _server.Stub("GET", "/rest/app_run/900", 200, """
            {"id": 900, "action_run": 501, "status": "success", "action": "block ip", "asset": 24, "message": "blocked",
             "result_data": [{"message": "blocked", "parameter": {"ip": "203.0.113.9"}, "summary": {}, "data": [{"rule": "agenticir-1"}]}]}
            """);

        var runs = await _client.ListAppRunsAsync(501, _ct);

        var run = Assert.Single(runs);
        Assert.Equal((900L, 501L, "success", "24", "blocked"), (run.Id, run.ActionRunId, run.Status, run.Asset, run.Message));
        Assert.Equal("agenticir-1", run.ResultData[0].GetProperty("data")[0].GetProperty("rule").GetString());
        var requests = _server.LogEntries.Select(e => e.RequestMessage!).ToList();
        AssertRequest(requests.Single(r => r.Path == "/rest/action_run/501/app_runs"), "GET", "/rest/action_run/501/app_runs",
            ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "2"));
        var detail = requests.Single(r => r.Path == "/rest/app_run/900");
        Assert.Equal("GET", detail.Method);
        Assert.Equal("?include_expensive", detail.RawQuery);
    }

    [Fact]
    public async Task ListActionRuns_FiltersByContainer()
    {
        _server.Stub("GET", "/rest/action_run", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 7, "container": 5, "action": "geolocate ip", "name": "pb", "status": "running", "playbook_run": 44}]}""");

        var run = Assert.Single(await _client.ListActionRunsAsync(5, _ct));

        Assert.Equal((7L, 44L, false), (run.Id, run.PlaybookRunId!.Value, run.IsTerminal));
        AssertRequest(_server.Single(), "GET", "/rest/action_run", ("_filter_container", "5"), ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "2"));
    }

    [Fact]
    public async Task ListPlaybookRuns_FiltersByContainer()
    {
        _server.Stub("GET", "/rest/playbook_run", 200, """
            {"count": 1, "num_pages": 1, "data": [{"id": 44, "container": 5, "playbook": 12, "status": "success", "message": "done",
              "start_time": "2026-02-02T07:59:00Z", "update_time": "2026-02-02T08:01:00Z"}]}
            """);

        _server.Stub("GET", "/rest/playbook/12", 200, """{"id": 12, "name": "phishing_triage", "_pretty_scm": "local"}""");

        var run = Assert.Single(await _client.ListPlaybookRunsAsync(5, _ct));

        // A real instance names the playbook by id: the name comes from its record, once per id.
        Assert.Equal(new SoarPlaybookRun(44, 5, "local/phishing_triage", "success", "done", new DateTimeOffset(2026, 2, 2, 7, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 2, 8, 1, 0, TimeSpan.Zero),
            PlaybookId: 12, EndTime: new DateTimeOffset(2026, 2, 2, 8, 1, 0, TimeSpan.Zero)), run);
        AssertRequest(_server.LogEntries[0].RequestMessage!, "GET", "/rest/playbook_run", ("_filter_container", "5"), ("sort", "id"), ("order", "asc"), ("page", "0"), ("page_size", "2"));
        Assert.Single(await _client.ListPlaybookRunsAsync(5, _ct));
        Assert.Single(_server.LogEntries, e => e.RequestMessage!.Path == "/rest/playbook/12");
    }

    [Fact]
    public async Task ListPlaybookRuns_UnknownPlaybookId_KeepsTheId()
    {
        _server.Stub("GET", "/rest/playbook_run", 200, """{"count": 1, "num_pages": 1, "data": [{"id": 44, "container": 5, "playbook": 99, "status": "success"}]}""");
        _server.Stub("GET", "/rest/playbook/99", 404, """{"failed": true, "message": "Requested item not found"}""");

        Assert.Equal("99", Assert.Single(await _client.ListPlaybookRunsAsync(5, _ct)).Playbook);
    }

    [Fact]
    public async Task AnyCall_FailedAnswer_RequestExceptionWithTheSoarsMessage()
    {
        _server.Stub("POST", "/rest/action_run", 400, """{"failed": true, "message": "\"Container.owner\" must be a \"PhUser\" instance"}""");

        var ex = await Assert.ThrowsAsync<SoarRequestException>(() => _client.RunActionAsync(new ActionRunRequest(5, "block ip", "n", []), _ct));

        Assert.Equal((400, "\"Container.owner\" must be a \"PhUser\" instance", "lab"), (ex.Status, ex.SoarMessage, ex.Instance));
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task AnyCall_FailedTrueWithStatus200_RequestException()
    {
        _server.Stub("POST", "/rest/note", 200, """{"failed": true, "message": "title is required"}""");

        var ex = await Assert.ThrowsAsync<SoarRequestException>(() => _client.CreateNoteAsync(new NewNote(5, "t", "c"), _ct));

        Assert.Equal((200, "title is required"), (ex.Status, ex.SoarMessage));
    }

    [Fact]
    public async Task AnyCall_UnexpectedShape_RequestExceptionNamingTheCall()
    {
        _server.Stub("GET", "/rest/action_run/1", 200, """["not", "an", "object"]""");

        var ex = await Assert.ThrowsAsync<SoarRequestException>(() => _client.GetActionRunAsync(1, _ct));

        Assert.Contains("GET rest/action_run/1", ex.Message, StringComparison.Ordinal);
    }

    private static NewArtifact NewFinding() => new(
        5, "Malicious IP", "agenticir_finding", "high", "agenticir:inv-1:f1",
        new Dictionary<string, string> { ["destinationAddress"] = "203.0.113.9" },
        new Dictionary<string, IReadOnlyList<string>> { ["destinationAddress"] = ["ip"] },
        Description: "Beaconing <every 60 s>");
}
