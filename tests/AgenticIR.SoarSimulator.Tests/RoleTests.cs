using System.Net;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class RoleTests
{
    [Fact]
    public async Task Roles_ListedWithTheirUsers_AndUserRecordsNameThemByDefault()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var alice = h.Simulator.AddUser("alice", "Analyst", "Incident Commander");
        h.Simulator.AddUser("bob", "analyst");

        var (status, roles) = await h.GetAsync("rest/role?page_size=0");
        var (_, user) = await h.GetAsync($"rest/ph_user/{alice}");

        Assert.Equal(HttpStatusCode.OK, status);
        var analyst = ((JsonArray)roles["data"]!).Single(r => (string?)r!["name"] == "Analyst")!;
        Assert.Equal(2, ((JsonArray)analyst["users"]!).Count);
        Assert.Equal(["Analyst", "Incident Commander"], ((JsonArray)user["roles"]!).Select(r => (string)r!));
        var (one, _) = await h.GetAsync($"rest/role/{(long)analyst["id"]!}");
        Assert.Equal(HttpStatusCode.OK, one);
    }

    [Fact]
    public async Task UserRolesAsIds_UserRecordsListRoleIdsThatRoleRecordsName()
    {
        await using var h = await SimulatorHarness.StartAsync(configure: o => o.UserRolesAsIds = true);
        var alice = h.Simulator.AddUser("alice", "Analyst");

        var (_, user) = await h.GetAsync($"rest/ph_user/{alice}");
        var roleId = (long)((JsonArray)user["roles"]!).Single()!;
        var (_, role) = await h.GetAsync($"rest/role/{roleId}");

        Assert.Equal("Analyst", (string?)role["name"]);
    }

    [Fact]
    public async Task OmitContainerUpdateTimes_RecordsCarryArtifactCountAndTimeOnly()
    {
        await using var h = await SimulatorHarness.StartAsync(configure: o => o.OmitContainerUpdateTimes = true);
        var id = await h.CreateContainerAsync("c1");

        var (_, container) = await h.GetAsync($"rest/container/{id}");
        var (_, page) = await h.GetAsync("rest/container");

        foreach (var record in new[] { container, (JsonObject)page["data"]![0]! })
        {
            Assert.False(record.ContainsKey("update_time"));
            Assert.False(record.ContainsKey("container_update_time"));
            Assert.NotNull(record["artifact_update_time"]);
            Assert.Equal(0, (long)record["artifact_count"]!);
        }
    }
}
