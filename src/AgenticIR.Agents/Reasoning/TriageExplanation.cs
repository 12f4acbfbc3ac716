using System.Globalization;
using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Reasoning;

/// <summary>Turns the five signals and the route into one paragraph an analyst can check line by line.</summary>
internal static class TriageExplanation
{
    public static string Write(NormalizedAlert alert, TriageResult draft)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"\"{alert.Title}\" triaged {draft.Severity.ToWire()} (weighted score {draft.Score:0.00}, confidence {draft.Confidence:0.00}). ");
        var ranked = draft.Signals.OrderByDescending(s => s.Contribution).ToList();
        var drivers = ranked.Where(s => s.Score >= 0.5).ToList();
        if (drivers.Count > 0)
        {
            text.Append("Driven by ");
            text.AppendJoin("; ", drivers.Select(Describe));
            text.Append(". ");
        }
        else
        {
            text.Append("No signal is strong. ");
        }
        var quiet = ranked.Where(s => s.Score < 0.5).ToList();
        if (quiet.Count > 0)
        {
            text.Append("Weaker: ");
            text.AppendJoin("; ", quiet.Select(Describe));
            text.Append(". ");
        }
        // The triage agent states the route rule in the draft; keep it verbatim so the policy decision is quoted, not paraphrased.
        if (!string.IsNullOrWhiteSpace(draft.Reasoning)) text.Append(draft.Reasoning.Trim());
        return text.ToString().Trim();
    }

    private static string Describe(TriageSignal s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Score:0.00} × {s.Weight:0.00} ({s.Evidence})");
}
