using System.Text.Json.Nodes;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Replay;

public sealed class ReplayTechniqueTests
{
    // Two Okta System Log events about one account from one address: the same incident, so the second is merged.
    private static string OktaEvent(string eventType, string published) => new JsonObject
    {
        ["eventType"] = eventType,
        ["published"] = published,
        ["uuid"] = Guid.NewGuid().ToString(),
        ["severity"] = "WARN",
        ["displayMessage"] = eventType,
        ["actor"] = new JsonObject { ["alternateId"] = "kpatel@northwind-traders.com", ["type"] = "User" },
        ["client"] = new JsonObject { ["ipAddress"] = "185.220.101.4" },
        ["outcome"] = new JsonObject { ["result"] = "SUCCESS" },
    }.ToJsonString();

    [Fact]
    public async Task Replay_DuplicateBringingANewTechnique_ReportsItOnTheMergedInvestigation()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("agentic-ir-attack-");
        var first = Path.Combine(folder.FullName, "threat.json");
        var second = Path.Combine(folder.FullName, "mfa.json");
        await File.WriteAllTextAsync(first, OktaEvent("security.threat.detected", "2026-03-02T09:15:00.000Z"), ct);
        await File.WriteAllTextAsync(second, OktaEvent("user.mfa.factor.deactivate", "2026-03-02T09:16:00.000Z"), ct);
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);

        var opened = Assert.Single((await harness.ReplayAsync([first], ct)).Lines);
        var merged = Assert.Single((await harness.ReplayAsync([second], ct)).Lines);

        Assert.Equal(("processed", "merged"), (opened.Status, merged.Status));
        Assert.Equal(opened.InvestigationId, merged.InvestigationId);
        Assert.Contains("T1110", opened.MitreTechniques);
        Assert.DoesNotContain("T1556.006", opened.MitreTechniques);
        Assert.Contains("T1110", merged.MitreTechniques);
        Assert.Contains("T1556.006", merged.MitreTechniques);
        folder.Delete(recursive: true);
    }
}
