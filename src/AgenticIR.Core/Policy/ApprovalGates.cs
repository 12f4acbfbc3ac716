using AgenticIR.Core.Response;

namespace AgenticIR.Core.Policy;

/// <summary>Approval gate per logical action, plus optional explicit risk classes.</summary>
public sealed record ApprovalGates
{
    /// <summary>Gate per action.</summary>
    public required IReadOnlyDictionary<string, ApprovalClass> Classes { get; init; }

    /// <summary>Risk overrides per action; otherwise derived from the gate and reversibility.</summary>
    public IReadOnlyDictionary<string, ActionRisk> RiskOverrides { get; init; } = new Dictionary<string, ActionRisk>();

    /// <summary>The gate of an action; actions the policy does not name need approval.</summary>
    public ApprovalClass ClassOf(string logicalAction) =>
        Classes.TryGetValue(logicalAction, out var c) ? c : ApprovalClass.RequireApproval;

    /// <summary>The risk class of an action: explicit override, else from its gate and reversibility.</summary>
    public ActionRisk RiskOf(string logicalAction, bool reversible)
    {
        if (RiskOverrides.TryGetValue(logicalAction, out var risk)) return risk;
        return ClassOf(logicalAction) switch
        {
            ApprovalClass.AutoApprove => ActionRisk.Low,
            ApprovalClass.RequireApproval => reversible ? ActionRisk.Medium : ActionRisk.High,
            _ => reversible ? ActionRisk.High : ActionRisk.Critical,
        };
    }
}
