namespace AgenticIR.Splunk.Graduation;

/// <summary>What the evidence supports for one playbook × severity.</summary>
public enum GraduationRecommendation
{
    /// <summary>Both lower bounds meet the criteria, the sample is large enough and nothing harmful happened: propose autonomy to a human.</summary>
    PromoteToAutonomous,
    /// <summary>Enough evidence, and it does not support promotion (or a harmful disagreement happened).</summary>
    Stay,
    /// <summary>Too few comparable comparisons to decide.</summary>
    InsufficientEvidence,
}
