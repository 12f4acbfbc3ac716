namespace AgenticIR.Worker.Evaluation;

/// <summary>The records of a labelled file, and the lines that could not be read.</summary>
public sealed record LabelledCorpus(IReadOnlyList<LabelledRecord> Records, IReadOnlyList<MalformedLine> Malformed);
