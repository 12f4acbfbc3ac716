namespace AgenticIR.Soar.Resilience;

/// <summary>What a retry is logged as: the method and the path of the call (never its query or body, which may carry
/// alert content or identifiers).</summary>
internal sealed record SoarRequestLabel(string Verb, string Path);
