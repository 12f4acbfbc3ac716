using AgenticIR.Core.Triage;

namespace AgenticIR.Core.Policy;

/// <summary>Routing and autonomy for one severity.</summary>
public sealed record SeverityThreshold
{
    /// <summary>Investigation path.</summary>
    public required InvestigationPath Path { get; init; }
    /// <summary>Actions that may run without a human.</summary>
    public required int MaxAutonomousActions { get; init; }
    /// <summary>Minutes before escalation.</summary>
    public required int EscalationTimeoutMinutes { get; init; }
    /// <summary>Who is escalated to, in order.</summary>
    public required IReadOnlyList<string> EscalationTargets { get; init; }
}
