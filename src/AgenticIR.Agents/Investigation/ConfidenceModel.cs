using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Investigation;

/// <summary>
/// Investigation confidence: how sure we are of the incident's nature (malicious or benign), from findings.
/// Findings combine by noisy-OR per direction; conflicting directions cancel; and one source alone is capped,
/// because an analyst wants a second, independent tool to corroborate before concluding.
/// </summary>
internal static class ConfidenceModel
{
    /// <summary>Cap with evidence from one tool; each further tool raises it by <see cref="PerExtraTool"/>.</summary>
    public const double SingleSourceCap = 0.65;
    public const double PerExtraTool = 0.15;

    public static double Assess(IReadOnlyList<Finding> findings)
    {
        var bad = NoisyOr(findings.Where(f => f.Verdict == Verdict.Malicious).Select(f => f.Confidence)
            .Concat(findings.Where(f => f.Verdict == Verdict.Suspicious).Select(f => f.Confidence * 0.5)));
        var good = NoisyOr(findings.Where(f => f.Verdict == Verdict.Benign).Select(f => f.Confidence));
        // Benign evidence only contradicts a bad verdict about the same thing: a user's usual sign-in countries say
        // nothing about whether the domain in their inbox is malicious.
        var badSubjects = findings.Where(f => f.Verdict is Verdict.Malicious or Verdict.Suspicious && f.Subject is not null)
            .Select(f => f.Subject!.Key).ToHashSet(StringComparer.Ordinal);
        var contradicting = NoisyOr(findings.Where(f => f.Verdict == Verdict.Benign && f.Subject is { } s && badSubjects.Contains(s.Key))
            .Select(f => f.Confidence));
        var leaning = bad >= good ? bad * (1 - 0.5 * contradicting) : good * (1 - 0.5 * bad);
        var direction = bad >= good ? new[] { Verdict.Malicious, Verdict.Suspicious } : [Verdict.Benign];
        var tools = findings.Where(f => direction.Contains(f.Verdict)).Select(f => f.Tool).Distinct().Count();
        var cap = tools == 0 ? 0 : Math.Min(1, SingleSourceCap + PerExtraTool * (tools - 1));
        return Math.Round(Math.Min(leaning, cap), 3);
    }

    private static double NoisyOr(IEnumerable<double> values) => 1 - values.Aggregate(1.0, (miss, c) => miss * (1 - Math.Clamp(c, 0, 1)));
}
