using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Evaluation;

/// <summary>One cell of the severity distribution: how many records had this reference and got this severity from triage
/// (<paramref name="Ours"/> null: the record was not triaged).</summary>
public sealed record SeverityCell(Severity Reference, Severity? Ours, int Count);
