using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;

namespace AgenticIR.Agents.Triage;

/// <summary>The five triage signals, each a cheap indexed lookup into the local context (no remote calls).</summary>
internal static partial class TriageSignals
{
    private static readonly string[] CountryKeys = ["country", "src_country", "source_country", "location_country", "geo_country"];
    // Vendors write either ISO codes or English names; identities keep ISO codes.
    private static readonly Dictionary<string, string> CountryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UNITED STATES"] = "US", ["UNITED STATES OF AMERICA"] = "US", ["USA"] = "US", ["ITALY"] = "IT", ["GERMANY"] = "DE",
        ["UNITED KINGDOM"] = "GB", ["NETHERLANDS"] = "NL", ["FRANCE"] = "FR", ["CANADA"] = "CA", ["RUSSIA"] = "RU",
        ["CHINA"] = "CN", ["INDIA"] = "IN", ["SPAIN"] = "ES", ["IRELAND"] = "IE", ["BRAZIL"] = "BR", ["NIGERIA"] = "NG",
    };
    private const double NoisyRulePrecision = 0.25;

    internal static double CriticalityScore(string criticality) => criticality switch
    {
        "critical" => 1.0,
        "high" => 0.75,
        "medium" => 0.5,
        _ => 0.25,
    };

    /// <summary>Max criticality of the involved assets; privileged and executive identities count as critical.</summary>
    public static SignalScore AssetCriticality(NormalizedAlert alert, IContextStore context)
    {
        var parts = new List<(double Score, string Evidence)>();
        foreach (var o in alert.Observables.Where(o => o.Type is ObservableType.Host or ObservableType.CloudResource || (o.Type is ObservableType.Ipv4 or ObservableType.Ipv6 && !o.IsPublicAddress)))
        {
            if (context.FindAsset(o.Value) is { } a) parts.Add((CriticalityScore(a.Criticality), $"{a.Hostname} {a.Criticality} ({a.BusinessService})"));
        }
        foreach (var o in People(alert))
        {
            if (context.FindIdentity(o.Value) is not { } i) continue;
            var critical = i.Privileged || IdentityLookupTool.IsExecutive(i);
            parts.Add((critical ? 1.0 : 0.5, $"{i.User} {(i.Privileged ? "privileged" : critical ? "executive" : "standard")} ({i.Role})"));
        }
        if (parts.Count == 0) return new SignalScore(0.3, "no involved asset or identity in the inventory", false);
        var max = parts.Max(p => p.Score);
        return new SignalScore(max, string.Join("; ", parts.OrderByDescending(p => p.Score).Select(p => p.Evidence).Distinct().Take(3)), true);
    }

    /// <summary>Positive benign evidence from the inventory: every involved asset is known and of low criticality, and no
    /// privileged or executive identity is involved. Null otherwise.</summary>
    public static string? OnlyLowCriticalityAssets(NormalizedAlert alert, IContextStore context)
    {
        var assets = alert.Observables.Where(o => o.Type is ObservableType.Host || (o.Type is ObservableType.Ipv4 or ObservableType.Ipv6 && !o.IsPublicAddress))
            .Select(o => (o.Value, Asset: context.FindAsset(o.Value))).ToList();
        if (assets.Count == 0 || assets.Any(a => a.Asset is null || CriticalityScore(a.Asset.Criticality) > 0.25)) return null;
        if (People(alert).Select(p => context.FindIdentity(p.Value)).Any(i => i is not null && (i.Privileged || IdentityLookupTool.IsExecutive(i)))) return null;
        return "only low-criticality assets involved: " + string.Join(", ", assets.Select(a => a.Asset!.Hostname).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Best threat-intel verdict × confidence among the observables; a suspicious verdict counts 60%.</summary>
    public static SignalScore ThreatIntel(NormalizedAlert alert, IContextStore context)
    {
        var hits = alert.Observables
            .Select(o => (Observable: o, Hit: context.FindIndicator(o)))
            .Where(x => x.Hit is not null).Select(x => (x.Observable, Hit: x.Hit!)).ToList();
        if (hits.Count == 0) return new SignalScore(0, "no observable in threat intel", false);
        var bad = hits.Where(h => h.Hit.Verdict != "benign")
            .Select(h => (h.Observable, h.Hit, Score: h.Hit.Confidence * (h.Hit.Verdict == "malicious" ? 1.0 : 0.6)))
            .OrderByDescending(h => h.Score).ToList();
        if (bad.Count == 0)
        {
            var benign = "known benign: " + string.Join("; ", hits.Select(h => $"{h.Hit.Value} ({h.Hit.Source})").Distinct().Take(3));
            return new SignalScore(0, benign, true, benign);
        }
        var top = bad[0];
        var evidence = $"{ObservableTypeNames.ToWire(top.Hit.Type)} {top.Hit.Value} {top.Hit.Verdict} {ToolFinding.F(top.Hit.Confidence)}"
            + (top.Hit.Campaign is null ? "" : $" ({top.Hit.Campaign})") + (bad.Count > 1 ? $"; +{bad.Count - 1} more" : "");
        return new SignalScore(top.Score, evidence, true);
    }

    /// <summary>Rule precision from past dispositions, blended with the source severity and any vendor confidence.</summary>
    public static SignalScore AlertFidelity(NormalizedAlert alert, IContextStore context)
    {
        var severity = alert.SourceSeverity switch
        {
            Severity.Critical => 0.9,
            Severity.High => 0.75,
            Severity.Medium => 0.5,
            Severity.Low => 0.3,
            Severity.Informational => 0.1,
            _ => 0.5,
        };
        var parts = new List<string> { $"source severity {alert.SourceSeverity?.ToWire() ?? "unknown"}" };
        var score = severity;
        if (VendorConfidence.Of(alert) is { } vendor)
        {
            score = (score + vendor) / 2;
            parts.Add($"vendor confidence {ToolFinding.F(vendor)}");
        }
        var rule = alert.RuleName ?? alert.Title;
        var history = context.HistoryOfRule(rule);
        if (history.Count < 3)
        {
            // SOAR/SIEM wrappers decorate the rule name (": HOST", "- Rule"); the same detection on the same entities
            // is still the same rule for precision purposes.
            history = alert.Observables.SelectMany(context.History).Where(h => RuleNames.Same(h.RuleName, alert)).ToList();
        }
        var past = history.GroupBy(h => h.AlertId).Select(g => g.First().Disposition).ToList();
        var tp = past.Count(d => d == "true_positive");
        var fp = past.Count(d => d is "false_positive" or "benign");
        if (tp + fp >= 3)
        {
            // Laplace-smoothed precision: a rule with 0 of 3 confirmed is not proven useless, but it is not trusted either.
            var precision = (tp + 1.0) / (tp + fp + 2.0);
            score = 0.4 * score + 0.6 * precision;
            parts.Add($"rule history {tp} true / {fp} false-positive or benign (precision {ToolFinding.F(precision)})");
        }
        // A rule that has mostly been closed as false positive is evidence the detection, not the activity, is the problem.
        var noisy = tp + fp >= 3 && (tp + 1.0) / (tp + fp + 2.0) < NoisyRulePrecision
            ? $"rule closed as false positive/benign {fp} of {tp + fp} times"
            : null;
        return new SignalScore(score, string.Join("; ", parts), alert.SourceSeverity is not null || tp + fp >= 3, noisy);
    }

    private static IEnumerable<Observable> People(NormalizedAlert alert) =>
        alert.Observables.Where(o => o.Type == ObservableType.User || (o.Type == ObservableType.Email && !AlertFingerprint.IsSender(o)));

    private static string? Country(NormalizedAlert alert)
    {
        foreach (var key in CountryKeys)
        {
            if (alert.Attributes.TryGetValue(key, out var c) && !string.IsNullOrWhiteSpace(c))
            {
                var name = c.Trim().ToUpperInvariant();
                return CountryNames.GetValueOrDefault(name, name);
            }
        }
        return null;
    }
}
