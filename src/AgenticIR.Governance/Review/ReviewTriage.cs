namespace AgenticIR.Governance.Review;

/// <summary>Triage's part of the reasoning chain.</summary>
/// <param name="Severity">Triaged severity.</param>
/// <param name="Confidence">Triage confidence.</param>
/// <param name="Score">Weighted score.</param>
/// <param name="Path">Route chosen (autonomous, assisted, manual).</param>
/// <param name="Reasoning">Triage's justification.</param>
/// <param name="Signals">Each signal as <c>name score×weight: evidence</c>.</param>
public sealed record ReviewTriage(string Severity, double Confidence, double Score, string Path, string Reasoning, IReadOnlyList<string> Signals);
