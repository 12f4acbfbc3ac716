using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Turns an accepted proposal into the edits of the policy file. Only the values the learning agent calibrates
/// may change this way (triage weights, severity cut-offs, confidence floors, the investigation confidence threshold,
/// per-investigation budgets); gates, limits and kill switches change only by a human editing the file.</summary>
internal sealed record CalibrationPlan(IReadOnlyList<CalibrationEdit> Edits, string Kind)
{
    private const string Weights = "triage.weights.";
    private const string SeverityScores = "triage.severity_scores.";
    private const string Budgets = "circuit_breakers.per_investigation.";

    private static readonly string[] Thresholds = ["triage.autonomous_min_confidence", "triage.manual_below_confidence", "investigation.confidence_threshold"];
    private static readonly string[] BudgetKeys = ["max_steps", "max_duration_minutes", "max_api_calls", "max_response_actions"];

    /// <summary>The edits for a proposal, or null with the reason it cannot be applied.</summary>
    public static CalibrationPlan? For(CalibrationProposal proposal, GovernancePolicy policy, out string? error)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        error = null;
        var parameter = proposal.Parameter;
        if (parameter.StartsWith(Weights, StringComparison.Ordinal))
            return Number(proposal, out var weight, out error) ? Reweigh(parameter[Weights.Length..], weight, policy, out error) : null;
        if (parameter.StartsWith(SeverityScores, StringComparison.Ordinal))
        {
            if (!SeverityNames.TryParse(parameter[SeverityScores.Length..], out var severity) || !policy.Triage.SeverityScores.ContainsKey(severity))
            {
                error = $"'{parameter}' names no severity cut-off of the policy";
                return null;
            }
            return Number(proposal, out var score, out error) ? Single(parameter, Format(score), PolicyVersion.CalibrationKind) : null;
        }
        if (Thresholds.Contains(parameter, StringComparer.Ordinal))
            return Number(proposal, out var threshold, out error) ? Single(parameter, Format(threshold), PolicyVersion.CalibrationKind) : null;
        if (parameter.StartsWith(Budgets, StringComparison.Ordinal) && BudgetKeys.Contains(parameter[Budgets.Length..], StringComparer.Ordinal))
        {
            if (!int.TryParse(proposal.Proposed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var budget))
            {
                error = $"'{proposal.Proposed}' is not a whole number for {parameter}";
                return null;
            }
            return Single(parameter, budget.ToString(CultureInfo.InvariantCulture), PolicyVersion.PolicyKind);
        }
        error = $"'{parameter}' is not a value proposals may change; edit the policy file by hand if it should change";
        return null;
    }

    /// <summary>A new weight for one signal, the others scaled so all five still sum to 1 (rounded to four places, the
    /// rounding remainder given to the largest other weight).</summary>
    private static CalibrationPlan? Reweigh(string signal, double weight, GovernancePolicy policy, out string? error)
    {
        error = null;
        var weights = policy.Triage.Weights;
        if (!weights.ContainsKey(signal))
        {
            error = $"'{signal}' is not a triage signal of the policy";
            return null;
        }
        if (weight is < 0 or > 1)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"weight {weight} is outside [0, 1]");
            return null;
        }
        var others = weights.Where(w => w.Key != signal).ToList();
        var otherSum = others.Sum(w => w.Value);
        if (otherSum <= 0)
        {
            error = "the other weights are all zero, so they cannot absorb the change";
            return null;
        }
        var scaled = others.ToDictionary(w => w.Key, w => Math.Round(w.Value * (1 - weight) / otherSum, 4), StringComparer.Ordinal);
        var largest = others.OrderByDescending(w => w.Value).First().Key;
        scaled[largest] = Math.Round(scaled[largest] + (1 - weight - scaled.Values.Sum()), 4);
        List<CalibrationEdit> edits = [new($"{Weights}{signal}", Format(weight))];
        edits.AddRange(others.Select(w => new CalibrationEdit($"{Weights}{w.Key}", Format(scaled[w.Key]))));
        return new CalibrationPlan(edits, PolicyVersion.CalibrationKind);
    }

    private static bool Number(CalibrationProposal proposal, out double value, out string? error)
    {
        error = null;
        if (double.TryParse(proposal.Proposed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        error = $"'{proposal.Proposed}' is not a number for {proposal.Parameter}";
        return false;
    }

    private static CalibrationPlan Single(string path, string value, string kind) => new([new CalibrationEdit(path, value)], kind);

    internal static string Format(double value) => Math.Round(value, 4).ToString("0.0###", CultureInfo.InvariantCulture);
}
