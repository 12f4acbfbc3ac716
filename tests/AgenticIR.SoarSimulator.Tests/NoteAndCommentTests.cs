using System.Net;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class NoteAndCommentTests
{
    [Fact]
    public async Task Note_CreateTwiceThenUpdate_MakesTwoNotesAndUpdatesOne()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var c = await h.CreateContainerAsync("c");
        var note = new JsonObject { ["container_id"] = c, ["title"] = "AgenticIR triage", ["content"] = "v1", ["note_type"] = "general", ["note_format"] = "markdown" };

        var (status, first) = await h.PostAsync("rest/note", note);
        var (_, second) = await h.PostAsync("rest/note", note.DeepClone());
        var id = (long)first["id"]!;
        var (updateStatus, _) = await h.PostAsync($"rest/note/{id}", new JsonObject { ["title"] = "AgenticIR triage (final)", ["content"] = "v2" });
        var (_, read) = await h.GetAsync($"rest/note/{id}");
        var (_, list) = await h.GetAsync($"rest/note?_filter_container={c}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)first["success"]!);
        Assert.NotEqual(id, (long)second["id"]!);
        Assert.Equal(HttpStatusCode.OK, updateStatus);
        Assert.Equal("AgenticIR triage (final)", (string?)read["title"]);
        Assert.Equal("v2", (string?)read["content"]);
        Assert.Equal(c, (long)read["container"]!);
        Assert.Equal(2, (int)list["count"]!);
    }

    [Fact]
    public async Task Note_WithoutContent_Returns400Failed()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var c = await h.CreateContainerAsync("c");

        var (status, body) = await h.PostAsync("rest/note", new JsonObject { ["container_id"] = c, ["title"] = "t" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True((bool)body["failed"]!);
    }

    [Fact]
    public async Task Comment_PostedOverHttp_IsWrittenByAutomationUserAndListedAfterId()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var c = await h.CreateContainerAsync("c");
        var other = await h.CreateContainerAsync("other");
        var analyst = h.Simulator.AddUser("jdoe", "Analyst");
        var seeded = h.Simulator.AddComment(c, "jdoe", "/agenticir approve 3");
        h.Simulator.AddComment(other, "jdoe", "elsewhere");
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var (status, posted) = await h.PostAsync("rest/container_comment", new JsonObject { ["container_id"] = c, ["comment"] = "plan posted" });
        var (_, all) = await h.GetAsync($"rest/container_comment?_filter_container={c}&sort=id&order=asc");
        var (_, newer) = await h.GetAsync($"rest/container_comment?_filter_container_id={c}&_filter_id__gt={seeded}");

        Assert.Equal(HttpStatusCode.OK, status);
        var items = (JsonArray)all["data"]!;
        Assert.Equal(2, items.Count);
        Assert.Equal(analyst, (long)items[0]!["user"]!);
        Assert.Equal("/agenticir approve 3", (string?)items[0]!["comment"]);
        Assert.Equal(2L, (long)items[1]!["user"]!);
        Assert.Equal([(long)posted["id"]!], SimulatorHarness.Ids(newer));
        Assert.Equal("2026-11-24T09:01:00.000000Z", (string?)h.Simulator.GetContainer(c)!["update_time"]);
    }

    [Fact]
    public async Task Users_FilterByQuotedUsername_ReturnsRoleNamesAndHidesAutomation()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var id = h.Simulator.AddUser("msmith", "Senior Analyst", "Incident Commander");

        var (_, byName) = await h.GetAsync("rest/ph_user?_filter_username=" + Uri.EscapeDataString("\"msmith\""));
        var (_, one) = await h.GetAsync($"rest/ph_user/{id}");
        var (_, normal) = await h.GetAsync("rest/ph_user?page_size=0");
        var (_, withAutomation) = await h.GetAsync("rest/ph_user?page_size=0&include_automation");

        Assert.Equal([id], SimulatorHarness.Ids(byName));
        Assert.Equal(["Senior Analyst", "Incident Commander"], ((JsonArray)one["roles"]!).Select(r => (string)r!));
        Assert.True((bool)one["is_active"]!);
        Assert.Equal(2, (int)normal["count"]!);
        Assert.Equal(3, (int)withAutomation["count"]!);
    }
}
