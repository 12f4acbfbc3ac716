using System.Globalization;
using AgenticIR.Core.Learning;

namespace AgenticIR.Agents.Learning;

/// <summary>Collects the insights and calibration proposals the reviews produce.</summary>
internal sealed class LearningNotes
{
    public List<LearningInsight> Insights { get; } = [];

    public List<CalibrationProposal> Proposals { get; } = [];

    public void Insight(string type, string description, string evidence, string recommendation, string priority) =>
        Insights.Add(new LearningInsight(type, description, evidence, recommendation, priority));

    /// <summary>Adds a proposal unless it would change nothing or the same parameter is already proposed.</summary>
    public void Propose(string parameter, double current, double proposed, string rationale) =>
        Add(parameter, Format(current), Format(proposed), rationale);

    /// <summary>Adds a proposal for a whole-number parameter such as a budget.</summary>
    public void Propose(string parameter, int current, int proposed, string rationale) =>
        Add(parameter, current.ToString(CultureInfo.InvariantCulture), proposed.ToString(CultureInfo.InvariantCulture), rationale);

    public static string Format(double value) => Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private void Add(string parameter, string from, string to, string rationale)
    {
        if (from == to || Proposals.Any(p => p.Parameter == parameter)) return;
        Proposals.Add(new CalibrationProposal(parameter, from, to, rationale));
    }
}
