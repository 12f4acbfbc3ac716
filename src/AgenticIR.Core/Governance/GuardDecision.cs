namespace AgenticIR.Core.Governance;

/// <summary>Whether governance lets an action be dispatched now.</summary>
/// <param name="Allowed">True to dispatch.</param>
/// <param name="Reason">Why not (kill switch, breaker, protected target), or empty.</param>
/// <param name="Control">The control that held it, e.g. <c>kill_switch</c>, <c>circuit_breaker:max_actions_per_hour</c>, <c>protected_target</c>.</param>
public sealed record GuardDecision(bool Allowed, string Reason = "", string Control = "")
{
    /// <summary>Dispatch allowed.</summary>
    public static GuardDecision Allow { get; } = new(true);

    /// <summary>Held by a control.</summary>
    public static GuardDecision Hold(string control, string reason) => new(false, reason, control);
}
