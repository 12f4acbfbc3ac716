namespace AgenticIR.Worker.Evaluation;

/// <summary>The four figures over a set of records (the whole corpus, or one format).</summary>
public sealed record EvaluationFigures
{
    /// <summary>Records evaluated.</summary>
    public required int Records { get; init; }

    /// <summary>Records processed (or merged) or dead-lettered with a reason, over all records.</summary>
    public required Ratio Processed { get; init; }

    /// <summary>Expected observables found on the alert, over all expected observables.</summary>
    public required Ratio ObservableRecall { get; init; }

    /// <summary>Records whose payload holds no expected observable (they do not weigh on observable recall).</summary>
    public required int RecordsWithoutExpectedObservables { get; init; }

    /// <summary>Expected parent techniques reported, over all expected parent techniques.</summary>
    public required Ratio AttackRecall { get; init; }

    /// <summary>Records with a reference severity whose triage severity is at most one step away, over those records.</summary>
    public required Ratio SeverityWithinOneStep { get; init; }

    /// <summary>Sums the figures of the records.</summary>
    public static EvaluationFigures Of(IReadOnlyCollection<RecordEvaluation> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new EvaluationFigures
        {
            Records = records.Count,
            Processed = new Ratio(records.Count(r => r.Processed), records.Count),
            ObservableRecall = records.Aggregate(default(Ratio), (sum, r) => sum + r.ObservableRatio),
            RecordsWithoutExpectedObservables = records.Count(r => r.ExpectedObservables == 0),
            AttackRecall = records.Aggregate(default(Ratio), (sum, r) => sum + r.TechniqueRatio),
            SeverityWithinOneStep = records.Aggregate(default(Ratio), (sum, r) => sum + r.SeverityRatio),
        };
    }
}
