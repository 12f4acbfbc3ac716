namespace AgenticIR.Core.Reasoning;

/// <summary>One hypothesis a model wrote: a short statement tied to evidence the investigation already has.</summary>
/// <param name="Text">The statement (at most 200 characters), shown as plain text, never acted on.</param>
/// <param name="EvidenceIds">Ids of the investigation's findings it rests on (at least one; ids the investigation does
/// not have were dropped).</param>
public sealed record ModelHypothesis(string Text, IReadOnlyList<string> EvidenceIds);
