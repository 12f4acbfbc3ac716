namespace AgenticIR.Core.Triage;

/// <summary>How much autonomy an investigation gets, chosen by triage from the policy.</summary>
public enum InvestigationPath
{
    /// <summary>Agents act within the policy's auto-approve limits.</summary>
    Autonomous,
    /// <summary>Agents investigate and plan; a human approves actions.</summary>
    Assisted,
    /// <summary>Handed to an analyst with the context gathered so far.</summary>
    Manual,
}
