namespace AgenticIR.Llm.Prompting;

/// <summary>The summary reply: the executive summary, and optionally a narrative paragraph and hypotheses with the
/// evidence ids the model cited (not yet checked against the investigation's).</summary>
internal sealed record SummaryReply(string Summary, string? Narrative, IReadOnlyList<(string Text, IReadOnlyList<string> Evidence)> Hypotheses);
