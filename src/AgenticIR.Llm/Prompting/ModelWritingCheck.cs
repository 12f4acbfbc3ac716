using System.Globalization;
using AgenticIR.Core.Reasoning;
using AgenticIR.Core.State;
using AgenticIR.Llm.Budget;

namespace AgenticIR.Llm.Prompting;

/// <summary>Turns the summary reply's narrative and hypotheses into <see cref="ModelWriting"/>: a hypothesis keeps only the
/// evidence ids the investigation has (its findings' ids), and one left with none is dropped, each with a note. The text
/// itself is kept as written: it is only ever rendered as escaped, defanged, quoted text, and nothing decides on it.</summary>
internal static class ModelWritingCheck
{
    public static ModelWriting? Check(SummaryReply reply, InvestigationRecord investigation, string model, InvestigationLedger book)
    {
        var known = (investigation.Report?.Findings ?? []).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var kept = new List<ModelHypothesis>();
        var invented = 0;
        var dropped = 0;
        foreach (var (text, evidence) in reply.Hypotheses)
        {
            var ids = evidence.Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
            invented += evidence.Count(id => !known.Contains(id));
            if (ids.Count == 0) dropped++;
            else kept.Add(new ModelHypothesis(text, ids));
        }
        if (invented > 0) book.Note(string.Create(CultureInfo.InvariantCulture, $"summary: {invented} evidence id(s) the investigation does not have were dropped"));
        if (dropped > 0) book.Note(string.Create(CultureInfo.InvariantCulture, $"summary: {dropped} hypothesis(es) citing no known evidence were dropped"));
        return reply.Narrative is null && kept.Count == 0 ? null : new ModelWriting { Model = model, Narrative = reply.Narrative, Hypotheses = kept };
    }
}
