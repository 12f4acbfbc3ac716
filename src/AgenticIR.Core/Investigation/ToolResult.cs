namespace AgenticIR.Core.Investigation;

/// <summary>What a tool returned: a summary and findings (ids are assigned by the loop).</summary>
public sealed record ToolResult(string Summary, IReadOnlyList<Finding> Findings);
