using AgenticIR.Core.Security;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.Tests.Xsoar.Dispatch;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.LiveValidation;
using AgenticIR.SoarSimulator.Xsoar;

namespace AgenticIR.Soar.Tests.Xsoar.LiveValidation;

/// <summary><c>validate --live</c> for XSOAR against the simulator: each xsoar binding checked against the instance's
/// integrations and enabled instances, each problem named.</summary>
public sealed class XsoarLiveValidationTests
{
    private const string Key = "sim-live-key-77a1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<XsoarLiveInstanceCheck>> CheckAsync(XsoarSimulator simulator, string? key = Key)
    {
        var instance = XsoarTestClients.Instance(simulator.BaseUrl.AbsoluteUri);
        var keys = new XsoarKeyResolver(name => name == instance.ApiKeyEnv ? key : null, _ => throw new IOException());
        var clients = new XsoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) }, new SecretScrubber());
        return await XsoarLiveValidation.CheckInstancesAsync([instance], XsoarDispatchData.Catalog(), keys, clients, Ct);
    }

    [Fact]
    public async Task CheckInstances_EveryBindingMatches_NoProblem()
    {
        await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, Ct);
        XsoarDispatchData.Seed(simulator);

        var check = Assert.Single(await CheckAsync(simulator));

        Assert.True(check.Checked);
        Assert.Empty(check.Problems);
    }

    [Fact]
    public async Task CheckInstances_RenamedArgumentAndDisabledInstance_BothListedForEachBindingOfTheBrand()
    {
        await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, Ct);
        XsoarDispatchData.Seed(simulator, panoramaEnabled: false, blockIpArgument: "ip");

        var check = Assert.Single(await CheckAsync(simulator));

        Assert.Equal(
        [
            "block_ip: xsoar: argument 'IPs' is not an argument of 'pan-os-register-ip-tag' (it has: ip, persistent, tag, timeout)",
            "block_ip: xsoar: every instance of integration 'Panorama' is disabled on XSOAR instance 'lab' (panorama_prod)",
            "unblock_ip: xsoar: every instance of integration 'Panorama' is disabled on XSOAR instance 'lab' (panorama_prod)",
        ], check.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task CheckInstances_MissingIntegrationAndTwoEnabledInstances_Listed()
    {
        await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, Ct);
        simulator.AddIntegration(new SoarSimulator.Xsoar.Model.XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>>
        {
            [XsoarDispatchData.BlockCommand] = ["tag", "IPs", "persistent"],
        }), ("panorama_dc", true), ("panorama_edge", true));

        var problems = Assert.Single(await CheckAsync(simulator)).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("block_ip: xsoar: 2 instances of integration 'Panorama' are enabled on XSOAR instance 'lab' (panorama_dc, panorama_edge); a command is pinned to one, so leave exactly one enabled", problems);
        Assert.Contains("unblock_ip: xsoar: integration 'Panorama' has no command 'pan-os-unregister-ip-tag' on XSOAR instance 'lab'", problems);
        Assert.Contains("isolate_endpoint: xsoar: integration 'CrowdstrikeFalcon' is not installed on XSOAR instance 'lab'", problems);
    }

    [Fact]
    public async Task CheckInstances_WrongKeyOrNoKey_InstanceReportedNotChecked()
    {
        await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, Ct);

        var refused = Assert.Single(await CheckAsync(simulator, "not-the-key"));
        var missing = Assert.Single(await CheckAsync(simulator, null));

        Assert.StartsWith("401 unauthorized: the instance refused the API key from environment variable AGENTICIR_XSOAR_LAB_KEY", refused.Failure, StringComparison.Ordinal);
        Assert.Equal("no API key: environment variable AGENTICIR_XSOAR_LAB_KEY is not set or empty; it must hold the API key", missing.Failure);
    }
}
