namespace AgenticIR.Worker.Evaluation;

/// <summary>An expected parent technique, and the parents of the older ids that count for it.</summary>
public sealed record ExpectedTechnique(string Parent, IReadOnlyList<string> CandidateParents);
