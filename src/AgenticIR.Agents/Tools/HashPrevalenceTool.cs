using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Where else a file ran: hosts in endpoint telemetry that executed the hash.</summary>
internal sealed class HashPrevalenceTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.HashPrevalence;
    public string Description => "Hosts and users that executed a file hash, from endpoint telemetry.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.Sha256, ObservableType.Md5 };
    public int Cost => 2;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var events = store.EventsWithHash(subject.Value);
        if (events.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: never executed on a monitored host", []));

        var hosts = events.Select(e => e.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var users = events.Select(e => e.User).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var discovered = hosts.Select(h => new Observable(ObservableType.Host, h, "executed"))
            .Concat(users.Select(u => new Observable(ObservableType.User, u, "executed"))).ToList();
        var ti = store.FindIndicator(subject);
        var evidence = $"endpoint_events.csv: {events[0].Process} ran {events.Count} time(s) on {string.Join(", ", hosts)} first {ToolFinding.T(events[0].Timestamp)}"
            + (ti is null ? "" : $"; threat_intel.csv: {ti.Verdict} {ToolFinding.F(ti.Confidence)} {ti.Campaign}");
        var finding = ti?.Verdict == "malicious"
            ? ToolFinding.Create(Name, subject, $"Malware {events[0].Process} executed on {hosts.Count} host(s)", Verdict.Malicious, ti.Confidence,
                evidence, FindingKinds.MalwareExecution, discovered, ["T1204.002"], events[0].Timestamp)
            : ti?.Verdict == "benign"
                ? ToolFinding.Create(Name, subject, $"{events[0].Process} is a known-good file seen on {hosts.Count} host(s)", Verdict.Benign, ti.Confidence,
                    evidence, FindingKinds.BenignIndicator, discovered, observedAt: events[0].Timestamp)
                : ToolFinding.Create(Name, subject, $"{events[0].Process} executed on {hosts.Count} host(s)" + (hosts.Count <= 2 ? " (rare)" : ""),
                    hosts.Count <= 2 ? Verdict.Suspicious : Verdict.Informational, 0.5, evidence, discovered: discovered, observedAt: events[0].Timestamp);
        return Task.FromResult(new ToolResult($"{subject.Value}: executed on {hosts.Count} host(s) by {users.Count} user(s)", [finding]));
    }
}
