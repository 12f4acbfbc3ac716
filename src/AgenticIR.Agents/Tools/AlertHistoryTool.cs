using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Past alerts on an observable: dispositions (false-positive history) and recent related alerts.</summary>
internal sealed class AlertHistoryTool(IContextStore store) : IInvestigationTool
{
    private static readonly HashSet<ObservableType> PivotTypes =
        [ObservableType.Host, ObservableType.User, ObservableType.Ipv4, ObservableType.Ipv6, ObservableType.Domain, ObservableType.Sha256];

    public string Name => ToolNames.AlertHistory;
    public string Description => "Past alerts touching an observable, their dispositions, and related recent alerts.";
    public IReadOnlySet<ObservableType> Accepts { get; } = Enum.GetValues<ObservableType>().ToHashSet();
    public int Cost => 1;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var own = context.Investigation.Alerts.Select(a => a.AlertId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var past = store.History(subject).Where(h => !own.Contains(h.AlertId)).GroupBy(h => h.AlertId).Select(g => g.First()).ToList();
        if (past.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: no past alerts", []));

        var fp = past.Where(h => h.Disposition is "false_positive" or "benign").ToList();
        var tp = past.Where(h => h.Disposition == "true_positive").ToList();
        var now = context.Investigation.PrimaryAlert.Timestamp;
        var recent = past.Where(h => h.Disposition is "true_positive" or "open" && (now - h.Timestamp).Duration() <= TimeSpan.FromDays(7)).ToList();
        var findings = new List<Finding>();

        // Only the same detection closing as false positive says this alert is one: a recipient whose failed logins were
        // benign last month says nothing about the lure in front of them now.
        var sameRuleFp = fp.Where(h => context.Investigation.Alerts.Any(a => RuleNames.Same(h.RuleName, a))).ToList();
        if (sameRuleFp.Count < fp.Count && fp.Count >= 2)
        {
            findings.Add(ToolFinding.Create(Name, subject,
                $"{subject.Value} was closed as false positive/benign {fp.Count - sameRuleFp.Count} times under other rules",
                Verdict.Informational, 0.5,
                $"alert_history.csv: {string.Join("; ", fp.Except(sameRuleFp).Take(3).Select(Describe))}", observedAt: fp[^1].Timestamp));
        }
        fp = sameRuleFp;
        if (fp.Count >= 2 && tp.Count == 0)
        {
            findings.Add(ToolFinding.Create(Name, subject,
                $"{subject.Value} was closed as false positive/benign {fp.Count} times before",
                Verdict.Benign, Math.Min(0.9, 0.55 + 0.1 * fp.Count),
                $"alert_history.csv: {string.Join("; ", fp.Take(3).Select(Describe))}", FindingKinds.KnownFalsePositive,
                observedAt: fp[^1].Timestamp));
        }
        if (tp.Count > 0)
        {
            findings.Add(ToolFinding.Create(Name, subject, $"{subject.Value} was in {tp.Count} confirmed true-positive alert(s)",
                Verdict.Suspicious, Math.Min(0.85, 0.6 + 0.1 * tp.Count),
                $"alert_history.csv: {string.Join("; ", tp.Take(3).Select(Describe))}", discovered: CoObservables(tp, subject),
                observedAt: tp[^1].Timestamp));
        }
        if (recent.Count > 0)
        {
            findings.Add(ToolFinding.Create(Name, subject, $"{recent.Count} related alert(s) on {subject.Value} within 7 days",
                Verdict.Suspicious, 0.6, $"alert_history.csv: {string.Join("; ", recent.Take(3).Select(Describe))}",
                discovered: CoObservables(recent, subject), observedAt: recent[^1].Timestamp));
        }
        var summary = $"{subject.Value}: {past.Count} past alert(s), {tp.Count} true positive, {fp.Count} false positive/benign of this rule, {recent.Count} open or confirmed in 7 days";
        return Task.FromResult(new ToolResult(summary, findings));
    }

    private static string Describe(HistoricalAlert h) => $"{h.AlertId} {ToolFinding.T(h.Timestamp)} {h.RuleName} {h.Disposition}";

    // Other entities of the same past alerts come from the history file, so they are safe pivots.
    private List<Observable> CoObservables(IEnumerable<HistoricalAlert> alerts, Observable subject) => alerts
        .SelectMany(h => store.HistoryOfRule(h.RuleName).Where(r => r.AlertId == h.AlertId))
        .Select(r => r.Observable with { Role = "history" })
        .Where(o => PivotTypes.Contains(o.Type) && !o.Equals(subject))
        .Distinct().Take(5).ToList();
}
