using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Asset inventory: criticality, owner, business service of a host or address.</summary>
internal sealed class AssetLookupTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.Asset;
    public string Description => "Asset inventory record (criticality, owner, business service, role) of a host or IP.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.Host, ObservableType.Ipv4, ObservableType.Ipv6 };
    public int Cost => 1;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var asset = store.FindAsset(subject.Value);
        if (asset is null) return Task.FromResult(new ToolResult($"{subject.Value}: not in the asset inventory", []));

        var evidence = $"assets.csv: {asset.Hostname} {asset.Ip} {asset.Criticality} owner {asset.Owner} service {asset.BusinessService} role {asset.Role}";
        // An address resolving to a named host is a pivot the inventory gives us, not the attacker.
        var discovered = new List<Observable> { new(ObservableType.Host, asset.Hostname, "asset") };
        if (asset.Owner is not null && store.FindIdentity(asset.Owner) is { } owner) discovered.Add(new Observable(ObservableType.User, owner.User, "owner"));
        var important = asset.Criticality is "critical" or "high";
        var finding = ToolFinding.Create(Name, subject,
            $"{asset.Hostname} is a {asset.Criticality}-criticality {asset.Role} ({asset.BusinessService})",
            Verdict.Informational, 0.9, evidence, important ? FindingKinds.CriticalAsset : null, discovered);
        return Task.FromResult(new ToolResult($"{asset.Hostname}: {asset.Criticality}, {asset.BusinessService}", [finding]));
    }
}
