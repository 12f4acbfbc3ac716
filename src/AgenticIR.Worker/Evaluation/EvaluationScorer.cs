namespace AgenticIR.Worker.Evaluation;

/// <summary>Scores each record against what the product made of it, and sums the figures.</summary>
public static class EvaluationScorer
{
    /// <summary>Judges one record.</summary>
    public static RecordEvaluation Score(LabelledRecord record, ProductJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(judgement);
        var expectedObservables = ExpectedObservables.Of(record.Payload);
        var expectedTechniques = EvaluationMetrics.ExpectedTechniques(record);
        var reported = EvaluationMetrics.ReportedParents(judgement.Techniques);
        return new RecordEvaluation
        {
            Line = record.Line,
            Id = record.Id,
            Format = record.Format,
            Status = judgement.Status,
            Reason = judgement.Reason,
            DetectedFormat = judgement.DetectedFormat,
            Processed = judgement.Accounted,
            ExpectedObservables = expectedObservables.Count,
            MissedObservables = [.. EvaluationMetrics.Missed(expectedObservables, judgement.Observables).Select(o => o.ToString())],
            ExpectedTechniques = [.. expectedTechniques.Select(t => t.Parent)],
            MissedTechniques = [.. expectedTechniques.Where(t => !EvaluationMetrics.IsHit(t, reported)).Select(t => t.Parent)],
            ReportedTechniques = [.. reported.Order(StringComparer.Ordinal)],
            ReferenceSeverity = record.ReferenceSeverity,
            Severity = judgement.Severity,
            SourceSeverity = judgement.SourceSeverity,
            Model = judgement.Model,
            SeverityWithinOneStep = record.ReferenceSeverity is { } reference ? EvaluationMetrics.WithinOneStep(judgement.Severity, reference) : null,
        };
    }

    /// <summary>Sums the records into the report.</summary>
    public static EvaluationReport Report(string corpus, IReadOnlyList<RecordEvaluation> records, IReadOnlyList<MalformedLine> malformed, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new EvaluationReport
        {
            Corpus = corpus,
            Overall = EvaluationFigures.Of(records),
            ByFormat = records.GroupBy(r => r.Format, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => EvaluationFigures.Of([.. g]), StringComparer.Ordinal),
            SeverityDistribution = [.. records.Where(r => r.ReferenceSeverity is not null)
                .GroupBy(r => (Reference: r.ReferenceSeverity!.Value, r.Severity))
                .OrderBy(g => g.Key.Reference).ThenBy(g => g.Key.Severity is null ? -1 : (int)g.Key.Severity)
                .Select(g => new SeverityCell(g.Key.Reference, g.Key.Severity, g.Count()))],
            Records = records,
            MalformedLines = malformed,
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 2),
        };
    }
}
