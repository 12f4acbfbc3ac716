namespace AgenticIR.Core.Investigation;

/// <summary>What a finding says about its subject.</summary>
public enum Verdict
{
    /// <summary>Context only.</summary>
    Informational,
    /// <summary>Known good.</summary>
    Benign,
    /// <summary>Worth attention.</summary>
    Suspicious,
    /// <summary>Known bad.</summary>
    Malicious,
}
