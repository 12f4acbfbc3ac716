namespace AgenticIR.Core.Learning;

/// <summary>An analyst's final judgement of an incident.</summary>
public enum Disposition
{
    /// <summary>Real and malicious.</summary>
    TruePositive,
    /// <summary>Real activity, but authorised or harmless.</summary>
    BenignPositive,
    /// <summary>The detection was wrong.</summary>
    FalsePositive,
}
