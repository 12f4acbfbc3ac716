using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Endpoint telemetry of one host: suspicious command lines, known-bad hashes, connections to known-bad addresses.</summary>
internal sealed class HostProcessActivityTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.HostProcessActivity;
    public string Description => "Process events on a host: encoded PowerShell, remote execution, persistence, LOLBins, known-bad hashes and C2 connections.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.Host };
    public int Cost => 3;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Investigation.PrimaryAlert.Timestamp;
        var events = store.EventsOnHost(subject.Value).Where(e => e.Timestamp >= now.AddDays(-14) && e.Timestamp <= now.AddDays(1)).ToList();
        if (events.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: no process events in the 14 days before the alert", []));

        var findings = new List<Finding>();
        foreach (var group in events.SelectMany(e => ProcessPatterns.Match(e.Process, e.CommandLine).Select(p => (Event: e, Pattern: p))).GroupBy(x => x.Pattern.Kind))
        {
            var hits = group.ToList();
            var first = hits[0].Event;
            var discovered = new List<Observable>();
            foreach (var (e, _) in hits)
            {
                if (e.Sha256 is not null) discovered.Add(new Observable(ObservableType.Sha256, e.Sha256, "process"));
                if (e.RemoteIp is not null && IpClassifier.IsPublic(e.RemoteIp)) discovered.Add(ToolFinding.Ip(e.RemoteIp, "remote"));
                discovered.AddRange(ProcessPatterns.RemoteHosts(e.CommandLine).Select(store.FindAsset).OfType<AssetRecord>()
                    .Select(a => new Observable(ObservableType.Host, a.Hostname, "remote_target")));
            }
            var labels = string.Join(", ", hits.Select(h => h.Pattern.Label).Distinct());
            findings.Add(ToolFinding.Create(Name, subject, $"{Title(group.Key)} on {subject.Value}: {labels}",
                Verdict.Suspicious, group.Key is FindingKinds.SuspiciousProcess ? 0.7 : 0.8,
                $"endpoint_events.csv: {ToolFinding.T(first.Timestamp)} {first.Host} {first.User} {first.Process} {Shorten(first.CommandLine)}"
                    + (hits.Count > 1 ? $" (+{hits.Count - 1} more)" : ""),
                group.Key, discovered, hits.Select(h => h.Pattern.Technique).Distinct().ToList(), first.Timestamp));
        }
        AddKnownBad(subject, events, findings);
        var summary = $"{subject.Value}: {events.Count} process event(s), {findings.Count} suspicious pattern(s)";
        return Task.FromResult(new ToolResult(summary, findings));
    }

    private void AddKnownBad(Observable subject, List<EndpointEvent> events, List<Finding> findings)
    {
        foreach (var e in events.Where(e => e.Sha256 is not null).DistinctBy(e => e.Sha256, StringComparer.OrdinalIgnoreCase))
        {
            var hash = new Observable(ObservableType.Sha256, e.Sha256!, "process");
            if (store.FindIndicator(hash) is { Verdict: "malicious" } ti)
            {
                findings.Add(ToolFinding.Create(Name, subject, $"Known malware {e.Process} ran on {subject.Value} ({ti.Campaign})",
                    Verdict.Malicious, ti.Confidence,
                    $"endpoint_events.csv: {ToolFinding.T(e.Timestamp)} {e.Host} {e.User} {e.Process} sha256 {e.Sha256}; threat_intel.csv: {ti.Verdict} {ToolFinding.F(ti.Confidence)} {ti.Campaign}",
                    FindingKinds.MalwareExecution, [hash], ["T1204.002"], e.Timestamp));
            }
        }
        foreach (var e in events.Where(e => e.RemoteIp is not null).DistinctBy(e => e.RemoteIp, StringComparer.OrdinalIgnoreCase))
        {
            var ip = ToolFinding.Ip(e.RemoteIp!, "remote");
            if (store.FindIndicator(ip) is { Verdict: "malicious" or "suspicious" } ti)
            {
                findings.Add(ToolFinding.Create(Name, subject, $"{subject.Value} connected to {ti.Verdict} address {e.RemoteIp} ({ti.Campaign})",
                    ti.Verdict == "malicious" ? Verdict.Malicious : Verdict.Suspicious, ti.Confidence,
                    $"endpoint_events.csv: {ToolFinding.T(e.Timestamp)} {e.Host} {e.Process} → {e.RemoteIp}; threat_intel.csv: {ti.Verdict} {ToolFinding.F(ti.Confidence)} {ti.Campaign}",
                    FindingKinds.C2Communication, [ip], ["T1071.001"], e.Timestamp));
            }
        }
    }

    private static string Title(string kind) => kind switch
    {
        FindingKinds.LateralMovement => "Lateral movement",
        FindingKinds.Persistence => "Persistence",
        _ => "Suspicious process",
    };

    private static string Shorten(string? commandLine) =>
        commandLine is null ? "" : commandLine.Length <= 160 ? commandLine : commandLine[..157] + "...";
}
