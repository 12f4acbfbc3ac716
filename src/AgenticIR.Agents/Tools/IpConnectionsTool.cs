using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Which monitored hosts contacted an address.</summary>
internal sealed class IpConnectionsTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.IpConnections;
    public string Description => "Hosts whose processes connected to an IP address, from endpoint telemetry.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.Ipv4, ObservableType.Ipv6 };
    public int Cost => 2;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var events = store.EventsContacting(subject.Value);
        if (events.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: no monitored host connected to it", []));

        var hosts = events.Select(e => e.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var discovered = hosts.Select(h => new Observable(ObservableType.Host, h, "connected"))
            .Concat(events.Where(e => e.Sha256 is not null).Select(e => new Observable(ObservableType.Sha256, e.Sha256!, "connecting_process")))
            .ToList();
        var ti = store.FindIndicator(subject);
        var evidence = $"endpoint_events.csv: {events.Count} connection(s) from {string.Join(", ", hosts)} by {string.Join(", ", events.Select(e => e.Process).Distinct())}, first {ToolFinding.T(events[0].Timestamp)}"
            + (ti is null ? "" : $"; threat_intel.csv: {ti.Verdict} {ToolFinding.F(ti.Confidence)} {ti.Campaign}");
        var bad = ti?.Verdict is "malicious" or "suspicious";
        var finding = bad
            ? ToolFinding.Create(Name, subject, $"{hosts.Count} host(s) communicated with {ti!.Verdict} address {subject.Value}",
                ti.Verdict == "malicious" ? Verdict.Malicious : Verdict.Suspicious, ti.Confidence, evidence,
                FindingKinds.C2Communication, discovered, ["T1071.001"], events[0].Timestamp)
            : ToolFinding.Create(Name, subject, $"{hosts.Count} host(s) connected to {subject.Value}",
                Verdict.Informational, 0.5, evidence, discovered: discovered, observedAt: events[0].Timestamp);
        return Task.FromResult(new ToolResult($"{subject.Value}: contacted by {hosts.Count} host(s)", [finding]));
    }
}
