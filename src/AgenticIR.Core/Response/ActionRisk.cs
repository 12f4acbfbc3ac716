namespace AgenticIR.Core.Response;

/// <summary>Risk class of a response action, derived from the policy's approval gate.</summary>
public enum ActionRisk
{
    /// <summary>Informational: tickets, notifications, enrichment.</summary>
    Low,
    /// <summary>Reversible containment.</summary>
    Medium,
    /// <summary>Significant, reversible with effort.</summary>
    High,
    /// <summary>Destructive or irreversible.</summary>
    Critical,
}
