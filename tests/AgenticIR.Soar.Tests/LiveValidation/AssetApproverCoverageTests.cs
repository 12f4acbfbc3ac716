using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.LiveValidation;

public sealed class AssetApproverCoverageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_AssetsWithoutApprovers_NamesTheResponseActionsThatStayHere()
    {
        var client = Instance();
        // The firewall assets and ServiceNow have approvers; CrowdStrike does not; VirusTotal (enrichment) never matters.
        Gate(client, "pan-fw-edge", "pan-fw-dc", "servicenow");

        var notices = await AssetApproverCoverage.ListAsync(client, Catalog(), new SoarAppDirectory(), Ct);

        var notice = Assert.Single(notices);
        Assert.StartsWith("isolate_endpoint: stays with this worker's approvers", notice, StringComparison.Ordinal);
        Assert.Contains("asset 'crowdstrike-prod' has no approvers", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_EveryResponseAssetHasApprovers_Nothing()
    {
        var client = Instance();
        Gate(client, "pan-fw-edge", "pan-fw-dc", "servicenow", "crowdstrike-prod");

        Assert.Empty(await AssetApproverCoverage.ListAsync(client, Catalog(), new SoarAppDirectory(), Ct));
    }

    private static void Gate(FakeSoarClient client, params string[] names)
    {
        for (var i = 0; i < client.Assets.Count; i++)
        {
            if (names.Contains(client.Assets[i].Name)) client.Assets[i] = client.Assets[i] with { PrimaryVoting = 1 };
        }
    }
}
