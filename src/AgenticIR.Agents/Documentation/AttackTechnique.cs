namespace AgenticIR.Agents.Documentation;

/// <summary>One ATT&amp;CK technique of the built-in table: its name and the tactic reports file it under.</summary>
internal sealed record AttackTechnique(string Id, string Name, string Tactic);
