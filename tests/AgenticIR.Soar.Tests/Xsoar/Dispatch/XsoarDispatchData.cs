using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Definitions.Catalog;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;

using AgenticIR.Soar.Tests.Dispatch;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>Connector definitions with the xsoar bindings the shipped connectors declare (PAN-OS tags, CrowdStrike
/// containment), an action XSOAR cannot run, and the integrations a simulator needs to run them.</summary>
internal static class XsoarDispatchData
{
    public const string BlockCommand = "pan-os-register-ip-tag";
    public const string UnblockCommand = "pan-os-unregister-ip-tag";
    public const string ContainCommand = "cs-falcon-contain-host";

    public static ActionDefinition BlockIp { get; } = SoarTestData.BlockIp with
    {
        Xsoar = new XsoarBinding
        {
            Integration = "Panorama", Command = BlockCommand, Provenance = "test",
            Arguments = new Dictionary<string, string> { ["tag"] = "AgenticIR-Blocked", ["IPs"] = "${target}", ["persistent"] = "true" },
        },
    };

    public static ActionDefinition UnblockIp { get; } = SoarTestData.UnblockIp with
    {
        Xsoar = new XsoarBinding
        {
            Integration = "Panorama", Command = UnblockCommand, Provenance = "test",
            Arguments = new Dictionary<string, string> { ["tag"] = "AgenticIR-Blocked", ["IPs"] = "${target}" },
        },
    };

    public static ActionDefinition IsolateEndpoint { get; } = SoarTestData.IsolateEndpoint with
    {
        Xsoar = new XsoarBinding
        {
            Integration = "CrowdstrikeFalcon", Command = ContainCommand, Provenance = "test",
            Arguments = new Dictionary<string, string> { ["ids"] = "${target}" },
        },
    };

    public static ActionDefinition DeleteEmail { get; } = new()
    {
        Name = "delete_email", Description = "Purge a mail.", Kind = ActionKind.Eradication, Reversible = false,
        TargetTypes = [ObservableType.Email], ExpectedDuration = TimeSpan.FromSeconds(30),
        XsoarUnsupported = "no integration command purges mail by sender in one call",
    };

    public static ActionCatalog Catalog() => ActionCatalog.From([BlockIp, UnblockIp, IsolateEndpoint, DeleteEmail]);

    /// <summary>PAN-OS and CrowdStrike Falcon integrations, one enabled instance each, with the argument names their YAML declares.</summary>
    public static void Seed(XsoarSimulator simulator, bool panoramaEnabled = true, string blockIpArgument = "IPs")
    {
        simulator.AddIntegration(new XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>>
        {
            [BlockCommand] = ["tag", blockIpArgument, "persistent", "timeout"],
            [UnblockCommand] = ["tag", "IPs"],
        }), ("panorama_prod", panoramaEnabled));
        simulator.AddIntegration(new XsoarSeedIntegration("CrowdstrikeFalcon", new Dictionary<string, IReadOnlyList<string>>
        {
            [ContainCommand] = ["ids"],
        }), ("falcon_prod", true));
    }

    /// <summary>An investigation opened from incident <paramref name="incidentId"/> on the XSOAR instance <c>lab</c>.</summary>
    public static InvestigationRecord Record(string incidentId, string id = "inv-x1", params Observable[] observables) =>
        SoarTestData.Record(id, "xsoar", observables) with { Source = new SourceReference("xsoar", "lab", incidentId) };

    public static ResponseAction Action(ActionDefinition definition, Observable target, string actionId = "A1", int priority = 1) =>
        SoarTestData.Action(definition, target, actionId) with { Priority = priority };
}
