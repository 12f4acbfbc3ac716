using AgenticIR.Core.Investigation;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>The three dispositions compared, and how each side's verdict becomes one of them.</summary>
internal static class ShadowDispositions
{
    public const string TruePositive = "true_positive";
    public const string FalsePositive = "false_positive";
    public const string Benign = "benign";

    /// <summary>Confidence a malicious finding needs to call the incident real.</summary>
    public const double MaliciousFindingConfidence = 0.5;

    /// <summary>Investigation confidence at which suspicious findings alone call the incident real.</summary>
    public const double SuspiciousReportConfidence = 0.6;

    /// <summary>The agents' verdict, by the first rule that applies:
    /// 1. a <c>known_false_positive</c> finding → <c>false_positive</c> (the detection was wrong);
    /// 2. a malicious finding with confidence ≥ 0.5 → <c>true_positive</c>;
    /// 3. a suspicious finding and an investigation confidence ≥ 0.6 → <c>true_positive</c>;
    /// 4. otherwise → <c>benign</c> (real activity, nothing bad established).</summary>
    public static string OfAgents(InvestigationReport? report)
    {
        var findings = report?.Findings ?? [];
        if (findings.Any(f => f.Kind == FindingKinds.KnownFalsePositive)) return FalsePositive;
        if (findings.Any(f => f.Verdict == Verdict.Malicious && f.Confidence >= MaliciousFindingConfidence)) return TruePositive;
        if (findings.Any(f => f.Verdict == Verdict.Suspicious) && report!.Confidence >= SuspiciousReportConfidence) return TruePositive;
        return Benign;
    }

    /// <summary>An analyst's or playbook's disposition text in the same three values; null when empty or not recognised
    /// (then no agreement is claimed either way).</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return key switch
        {
            "true_positive" or "tp" or "malicious" or "confirmed" or "incident" => TruePositive,
            "false_positive" or "fp" => FalsePositive,
            "benign" or "benign_positive" or "benign_true_positive" or "btp" or "not_malicious" or "expected" or "authorized" => Benign,
            _ => null,
        };
    }
}
