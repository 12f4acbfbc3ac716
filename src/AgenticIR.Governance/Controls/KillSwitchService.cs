using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;

namespace AgenticIR.Governance.Controls;

/// <summary>Engages and releases kill switches for people (CLI) and for the policy's triggers. Every change is audited
/// and notified to the policy's <c>kill_switch.notification</c> list. Only a named person releases a switch.</summary>
public sealed class KillSwitchService(
    IGovernanceControlStore controls, IAuditLog audit, IGovernanceNotifier notifier, IPolicyProvider policy, TimeProvider time)
{
    /// <summary>Agent whose autonomous actions the response kill switch pauses.</summary>
    public const string ResponseAgent = "response_orchestrator";

    /// <summary>The engaged switch that pauses this investigation's actions (global, the response agent, or the
    /// investigation itself), or null.</summary>
    public async Task<KillSwitch?> FindEngagedAsync(string investigationId, CancellationToken cancellationToken)
    {
        var scopes = new[] { KillSwitch.Global, KillSwitch.ForAgent(ResponseAgent), KillSwitch.ForInvestigation(investigationId) };
        return (await controls.ActiveAsync(cancellationToken)).FirstOrDefault(k => scopes.Contains(k.Scope, StringComparer.Ordinal));
    }

    /// <summary>Engages a switch; <paramref name="engagedBy"/> is a person or <c>policy:&lt;trigger&gt;</c>.</summary>
    public async Task EngageAsync(string scope, string engagedBy, string reason, CancellationToken cancellationToken)
    {
        ValidateScope(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(engagedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await controls.EngageAsync(new KillSwitch(scope, engagedBy, reason, time.GetUtcNow()), cancellationToken);
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = engagedBy.StartsWith("policy:", StringComparison.Ordinal) ? "governance" : "operator",
            ActionType = "kill_switch",
            Target = scope,
            Justification = reason,
            ApproverIdentity = engagedBy,
            Outcome = "engaged",
            InvestigationId = scope.StartsWith("investigation:", StringComparison.Ordinal) ? scope["investigation:".Length..] : null,
        }, cancellationToken);
        await NotifyAsync($"Kill switch engaged: {scope}", $"{policy.Current.KillSwitch.Action} — engaged by {engagedBy}: {reason}. It stays engaged until a named person releases it.", cancellationToken);
    }

    /// <summary>Releases a switch; false when it was not engaged.</summary>
    public async Task<bool> ReleaseAsync(string scope, string releasedBy, string? reason, CancellationToken cancellationToken)
    {
        ValidateScope(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(releasedBy);
        if (releasedBy.StartsWith("policy:", StringComparison.Ordinal))
            throw new ArgumentException("A kill switch is released by a named person, not by policy.", nameof(releasedBy));
        var released = await controls.ReleaseAsync(scope, releasedBy, time.GetUtcNow(), cancellationToken);
        if (!released) return false;
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = "operator",
            ActionType = "kill_switch",
            Target = scope,
            Justification = reason ?? "",
            ApproverIdentity = releasedBy,
            Outcome = "released",
        }, cancellationToken);
        await NotifyAsync($"Kill switch released: {scope}", $"Released by {releasedBy}{(reason is null ? "" : ": " + reason)}.", cancellationToken);
        return true;
    }

    private async Task NotifyAsync(string subject, string body, CancellationToken cancellationToken)
    {
        foreach (var target in policy.Current.KillSwitch.Notification)
            await notifier.NotifyAsync(target, subject, body, cancellationToken);
    }

    /// <summary>Throws unless the scope is <c>global</c>, <c>agent:&lt;name&gt;</c> or <c>investigation:&lt;id&gt;</c>.</summary>
    public static void ValidateScope(string scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var valid = scope == KillSwitch.Global
            || (scope.StartsWith("agent:", StringComparison.Ordinal) && scope.Length > "agent:".Length)
            || (scope.StartsWith("investigation:", StringComparison.Ordinal) && scope.Length > "investigation:".Length);
        if (!valid) throw new ArgumentException($"Unknown kill-switch scope '{scope}': use global, agent:<name> or investigation:<id>.", nameof(scope));
    }
}
