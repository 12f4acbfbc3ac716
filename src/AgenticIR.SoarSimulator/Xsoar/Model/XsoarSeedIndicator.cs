namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>An indicator linked to an incident (<c>investigationIDs</c>), e.g. <c>("IP", "10.0.0.5")</c>.</summary>
public sealed record XsoarSeedIndicator(string Type, string Value);
