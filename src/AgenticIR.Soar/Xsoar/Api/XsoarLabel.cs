namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An incident label (<c>labels[] {type, value}</c>).</summary>
internal sealed record XsoarLabel(string Type, string Value);
