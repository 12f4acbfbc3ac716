namespace AgenticIR.Worker.Evaluation;

/// <summary>A line of the labelled file that could not be read as a labelled record, and why.</summary>
public sealed record MalformedLine(int Line, string Reason);
