namespace AgenticIR.Definitions.Mapping;

/// <summary>One step of a <see cref="PayloadPath"/>.</summary>
internal sealed record PathStep(PathStepKind Kind, string Name = "", int Index = 0, string FilterValue = "");
