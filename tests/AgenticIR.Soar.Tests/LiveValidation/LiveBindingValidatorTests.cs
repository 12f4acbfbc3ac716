using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using AgenticIR.Soar.Tests.Dispatch;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.LiveValidation;

public sealed class LiveBindingValidatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SoarActionParameter P(string name, bool required = false) => new(name, "string", required, []);

    /// <summary>An instance whose app actions match every binding of the test catalog.</summary>
    private static FakeSoarClient Matching()
    {
        var client = Instance();
        client.AppActions.AddRange(
        [
            new SoarAppAction(101, 11, "block ip", "contain", [P("ip", true), P("is_source_address"), P("vsys")]),
            new SoarAppAction(102, 11, "unblock ip", "correct", [P("ip", true), P("is_source_address"), P("vsys")]),
            new SoarAppAction(103, 12, "quarantine device", "contain", [P("device_id", true), P("hostname")]),
            new SoarAppAction(104, 13, "ip reputation", "investigate", [P("ip", true)]),
            new SoarAppAction(105, 14, "domain reputation", "investigate", [P("domain", true)]),
            new SoarAppAction(106, 15, "create ticket", "generic", [P("short_description", true), P("table"), P("description")]),
        ]);
        return client;
    }

    private static async Task<IReadOnlyList<string>> Problems(FakeSoarClient client, IActionCatalog? catalog = null) =>
        [.. (await LiveBindingValidator.ValidateAsync(client, catalog ?? Catalog(), Ct)).Select(p => $"{p.Action}: {p.Message}")];

    [Fact]
    public async Task ValidateAsync_EveryBindingMatches_NoProblems()
    {
        Assert.Empty(await Problems(Matching()));
    }

    [Fact]
    public async Task ValidateAsync_AppNotInstalled_Reported()
    {
        var client = Matching();
        client.Apps.RemoveAll(a => a.Name == "ServiceNow");

        Assert.Equal(["create_ticket: app 'ServiceNow' is not installed on instance 'prod'"], await Problems(client));
    }

    [Fact]
    public async Task ValidateAsync_ActionMissingForApp_Reported()
    {
        var client = Matching();
        client.AppActions.RemoveAll(a => a.Action == "unblock ip");
        // The same action name on another app does not count.
        client.AppActions.Add(new SoarAppAction(900, 15, "unblock ip", "correct", [P("ip", true)]));

        Assert.Equal(["unblock_ip: app 'Palo Alto Networks Firewall' has no action 'unblock ip' on instance 'prod'"], await Problems(client));
    }

    [Fact]
    public async Task ValidateAsync_UnknownAndMissingRequiredParameters_Reported()
    {
        var client = Matching();
        client.AppActions.RemoveAll(a => a.Action == "block ip");
        client.AppActions.Add(new SoarAppAction(101, 11, "block ip", "contain", [P("ip", true), P("direction", true)]));

        Assert.Equal(
        [
            "block_ip: parameter 'is_source_address' is not a parameter of 'Palo Alto Networks Firewall' action 'block ip' (it has: direction, ip)",
            "block_ip: required parameter 'direction' of 'Palo Alto Networks Firewall' action 'block ip' is not provided",
        ], await Problems(client));
    }

    [Fact]
    public async Task ValidateAsync_NamedAssetMissingOrForAnotherApp_Reported()
    {
        var client = Matching();
        client.Assets.RemoveAll(a => a.Name == "crowdstrike-prod");
        var isolate = IsolateEndpoint with { SplunkSoar = IsolateEndpoint.SplunkSoar! with { Assets = ["crowdstrike-prod", "virustotal"] } };
        var catalog = ActionCatalog.From([isolate]);

        Assert.Equal(
        [
            "isolate_endpoint: asset 'crowdstrike-prod' does not exist on instance 'prod'",
            "isolate_endpoint: asset 'virustotal' is a VirusTotal VirusTotal asset, not configured for app 'CrowdStrike OAuth API'",
        ], await Problems(client, catalog));
    }

    [Fact]
    public async Task ValidateAsync_NoAssetNamedAndNoneConfiguredForApp_Reported()
    {
        var client = Matching();
        client.Assets.RemoveAll(a => a.ProductVendor == "Palo Alto Networks");

        Assert.Equal(
        [
            "block_ip: no asset on instance 'prod' is configured for app 'Palo Alto Networks Firewall' (the binding names none, so one is needed)",
            "unblock_ip: no asset on instance 'prod' is configured for app 'Palo Alto Networks Firewall' (the binding names none, so one is needed)",
        ], await Problems(client));
    }
}
