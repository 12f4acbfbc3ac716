namespace AgenticIR.Core.Reporting;

public sealed partial class IncidentReportMarkdown
{
    // The model's words are attacker-reachable (a model can follow an instruction hidden in an alert), so they go through
    // the same sanitizer as alert text, quoted, under a heading that says whose words they are and that nothing used them.
    private void ModelWritingSection()
    {
        if (_report.ModelWriting is not { } writing || (writing.Narrative is null && writing.Hypotheses.Count == 0)) return;
        _md.AppendLine("## Model proposal (model-written)").AppendLine();
        _md.Append("Written by ").Append(_safe.Inline(writing.Model))
            .AppendLine(". A proposal for the analyst to weigh: no action, target, approval, severity or path was taken from it.").AppendLine();
        if (writing.Narrative is { } narrative) _md.AppendLine(_safe.Quote(narrative)).AppendLine();
        if (writing.Hypotheses.Count == 0) return;
        _md.AppendLine("Hypotheses:").AppendLine();
        foreach (var h in writing.Hypotheses)
            _md.Append("- ").Append(_safe.Inline(h.Text)).Append(" (evidence ").Append(_safe.Inline(string.Join(", ", h.EvidenceIds))).AppendLine(")");
        _md.AppendLine();
    }
}
