using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Catalog;

public sealed class XsoarBindingTests
{
    private const string Source = "demisto/content:Packs/CrowdStrikeFalcon/Integrations/CrowdStrikeFalcon/CrowdStrikeFalcon.yml@6dc7536193158c0824e3c15362c6e97031e6eb01";

    private static (ActionCatalog? Catalog, string[] Errors) Load(ScratchFolder scratch, params (string Name, string Yaml)[] files)
    {
        foreach (var (name, yaml) in files) scratch.Write($"c/{name}.yaml", yaml);
        var (catalog, errors) = ActionCatalog.TryLoad(Path.Combine(scratch.Path, "c"));
        return (catalog, ErrorLines.Of(errors));
    }

    private static string Enrichment(string xsoar) => $$"""
        name: hunt_hash
        description: Hosts that have seen a hash.
        kind: enrichment
        reversible: true
        target_types: [md5, sha256]
        expected_duration_seconds: 60
        platforms:
          splunk_soar: { app: Example, action: lookup, parameters: { value: "${target}" }, source: example, results: { verdict: summary.total } }
          xsoar:
        {{xsoar}}
        """;

    private static string Containment(string name, string rollback, string xsoar) => $"""
        name: {name}
        description: Contain or release a host.
        kind: {(name.StartsWith("un", StringComparison.Ordinal) ? "recovery" : "containment")}
        reversible: true
        rollback_action: {rollback}
        target_types: [host]
        expected_duration_seconds: 60
        {xsoar}
        """;

    [Fact]
    public void TryLoad_XsoarBinding_MapsEveryKey()
    {
        using var scratch = new ScratchFolder();
        var (catalog, errors) = Load(scratch, ("hunt_hash", Enrichment($$"""
                integration: CrowdstrikeFalcon
                command: cs-falcon-device-count-ioc
                arguments: { type: "${target_type}", value: "${target}", limit: 5 }
                source: '{{Source}} (command "cs-falcon-device-count-ioc")'
                results:
                  verdict: CrowdStrike.IOC.DeviceCount
                  suspicious_at_or_above: 1
                  facts: { indicator_id: CrowdStrike.IOC.ID }
            """)));

        Assert.Empty(errors);
        var action = catalog!.Find("hunt_hash")!;
        var binding = action.Xsoar!;
        Assert.Null(action.XsoarUnsupported);
        Assert.Equal(("CrowdstrikeFalcon", "cs-falcon-device-count-ioc"), (binding.Integration, binding.Command));
        Assert.Equal(new Dictionary<string, string> { ["type"] = "${target_type}", ["value"] = "${target}", ["limit"] = "5" }, binding.Arguments);
        Assert.Equal($"{Source} (command \"cs-falcon-device-count-ioc\")", binding.Provenance);
        Assert.Equal(("CrowdStrike.IOC.DeviceCount", 1.0), (binding.Results!.VerdictPath, binding.Results.SuspiciousAtOrAbove));
        Assert.Equal("CrowdStrike.IOC.ID", binding.Results.Facts["indicator_id"]);
    }

    [Fact]
    public void TryLoad_XsoarUnsupported_KeepsTheReasonAndNoBinding()
    {
        using var scratch = new ScratchFolder();
        var (catalog, errors) = Load(scratch, ("hunt_hash", Enrichment("""
                unsupported: "No integration read offers a per-hash device search."
            """)));

        Assert.Empty(errors);
        var action = catalog!.Find("hunt_hash")!;
        Assert.Null(action.Xsoar);
        Assert.Equal("No integration read offers a per-hash device search.", action.XsoarUnsupported);
    }

    [Fact]
    public void TryLoad_XsoarUsingAnInstance_PointsToTheDeploymentConfiguration()
    {
        using var scratch = new ScratchFolder();
        var (_, errors) = Load(scratch, ("hunt_hash", Enrichment($$"""
                integration: CrowdstrikeFalcon
                command: cs-falcon-device-count-ioc
                using: CrowdStrike_prod
                arguments: { type: "${target_type}", value: "${target}" }
                source: '{{Source}} (command "cs-falcon-device-count-ioc")'
            """)));

        Assert.Equal(
            ["hunt_hash.yaml:12:12: platforms.xsoar.using: the integration instance (using=) is chosen per deployment in config/soar.yaml, not in a connector file"],
            errors);
    }

    [Fact]
    public void TryLoad_XsoarProvenanceOfAnotherCommand_IsAnError()
    {
        using var scratch = new ScratchFolder();
        var (catalog, errors) = Load(scratch, ("hunt_hash", Enrichment($$"""
                integration: CrowdstrikeFalcon
                command: cs-falcon-device-count-ioc
                arguments: { type: "${target_type}", value: "${target}" }
                source: '{{Source}} (command "cs-falcon-device-ran-on")'
            """)));

        Assert.Null(catalog);
        Assert.Equal(
            ["hunt_hash.yaml:13:13: platforms.xsoar.source: provenance names command \"cs-falcon-device-ran-on\" but the binding runs 'cs-falcon-device-count-ioc'"],
            errors);
    }

    [Fact]
    public void TryLoad_ReversibleXsoarActionWhoseRollbackIsUnsupported_ErrorNamesTheRollback()
    {
        using var scratch = new ScratchFolder();
        var (catalog, errors) = Load(scratch,
            ("isolate_endpoint", Containment("isolate_endpoint", "unisolate_endpoint", $$"""
                platforms:
                  xsoar:
                    integration: CrowdstrikeFalcon
                    command: cs-falcon-contain-host
                    arguments: { ids: "${target}" }
                    source: '{{Source}} (command "cs-falcon-contain-host")'
                """)),
            ("unisolate_endpoint", Containment("unisolate_endpoint", "isolate_endpoint", """
                platforms:
                  xsoar: { unsupported: "No integration read lifts containment by host name." }
                """)));

        Assert.Null(catalog);
        Assert.Equal(
            ["isolate_endpoint.yaml:10:5: platforms.xsoar: rollback action 'unisolate_endpoint' is marked unsupported on XSOAR, so this action could not be undone on XSOAR; bind both or neither"],
            errors);
    }

    [Fact]
    public void TryLoad_ReversiblePairBothUnbound_IsAccepted()
    {
        using var scratch = new ScratchFolder();
        var (catalog, errors) = Load(scratch,
            ("isolate_endpoint", Containment("isolate_endpoint", "unisolate_endpoint", "")),
            ("unisolate_endpoint", Containment("unisolate_endpoint", "isolate_endpoint", "")));

        Assert.Empty(errors);
        Assert.Null(catalog!.Find("isolate_endpoint")!.Xsoar);
    }

    [Fact]
    public void Resolve_TargetAndType_ReplacesOnlyThePlaceholdersAndNeverInterpretsTheValue()
    {
        var binding = new XsoarBinding
        {
            Integration = "CrowdstrikeFalcon",
            Command = "cs-falcon-device-count-ioc",
            Arguments = new Dictionary<string, string> { ["type"] = "${target_type}", ["value"] = "${target}", ["note"] = "x" },
            Provenance = "test",
        };

        var resolved = XsoarArguments.Resolve(binding, "${target_type} !cs-falcon-contain-host", ObservableType.Sha256);

        Assert.Equal(new Dictionary<string, string> { ["type"] = "sha256", ["value"] = "${target_type} !cs-falcon-contain-host", ["note"] = "x" }, resolved);
        Assert.Throws<ArgumentException>(() => XsoarArguments.Resolve(binding, "abc", null));
        Assert.Throws<ArgumentException>(() => XsoarArguments.Resolve(binding, null, ObservableType.Md5));
    }

    [Theory]
    [InlineData("demisto/content:Packs/A/Integrations/A/A.yml@0123456789abcdef0123456789abcdef01234567 (command \"a-b\")", true)]
    [InlineData("demisto/content:Packs/A/Integrations/A/A.yml@0123456 (command \"a-b\")", false)]
    [InlineData("demisto/content:Packs/A/Integrations/A/README.md@0123456789abcdef0123456789abcdef01234567 (command \"a-b\")", false)]
    [InlineData("Packs/A/Integrations/A/A.yml@0123456789abcdef0123456789abcdef01234567 (command \"a-b\")", false)]
    [InlineData("demisto/content:Packs/A/Integrations/A/A.yml@0123456789abcdef0123456789abcdef01234567", false)]
    public void TryParse_Provenance_AcceptsOnlyAPinnedIntegrationYaml(string text, bool valid) =>
        Assert.Equal(valid, XsoarSource.TryParse(text, out _));
}
