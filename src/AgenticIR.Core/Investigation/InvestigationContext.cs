using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Investigation;

/// <summary>What the loop knows so far, handed to the reasoner at each step.</summary>
public sealed record InvestigationContext
{
    /// <summary>The investigation.</summary>
    public required InvestigationRecord Investigation { get; init; }
    /// <summary>Steps done.</summary>
    public required IReadOnlyList<InvestigationStep> Steps { get; init; }
    /// <summary>Findings so far.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>Observables known so far: the alerts' own plus those discovered by findings.</summary>
    public required IReadOnlyList<Observable> Known { get; init; }
    /// <summary>Current confidence.</summary>
    public required double Confidence { get; init; }
}
