namespace AgenticIR.Definitions.Mapping;

/// <summary>One unfolded, decoded e-mail header.</summary>
internal sealed record EmlHeader(string Name, string Value);
