namespace AgenticIR.Agents.Reasoning;

/// <summary>Which observables of a finding a pivot rule aims at.</summary>
internal enum PivotTarget
{
    /// <summary>The finding's subject.</summary>
    Subject,
    /// <summary>What the finding discovered.</summary>
    Discovered,
    /// <summary>Both.</summary>
    Both,
}
