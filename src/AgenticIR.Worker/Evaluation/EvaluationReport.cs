namespace AgenticIR.Worker.Evaluation;

/// <summary>The whole evaluation: figures overall and per labelled format, the severity distribution, every record with
/// its misses, and the lines of the labelled file that could not be read.</summary>
public sealed record EvaluationReport
{
    /// <summary>The labelled file.</summary>
    public required string Corpus { get; init; }

    /// <summary>Figures over every record.</summary>
    public required EvaluationFigures Overall { get; init; }

    /// <summary>Figures per labelled format, by format name.</summary>
    public required IReadOnlyDictionary<string, EvaluationFigures> ByFormat { get; init; }

    /// <summary>Reference severity × triage severity, for records with a reference.</summary>
    public required IReadOnlyList<SeverityCell> SeverityDistribution { get; init; }

    /// <summary>Every record, in file order, with what it missed.</summary>
    public required IReadOnlyList<RecordEvaluation> Records { get; init; }

    /// <summary>Lines that are not labelled records; they are left out of the figures.</summary>
    public required IReadOnlyList<MalformedLine> MalformedLines { get; init; }

    /// <summary>Wall-clock seconds the product took.</summary>
    public double ElapsedSeconds { get; init; }
}
