namespace AgenticIR.Definitions.Mapping;

/// <summary>For the generic mapping: walk every string in the payload, classify by key hints and scan as free text.</summary>
internal sealed record WalkSpec(IReadOnlyList<KeyHint> KeyHints);
