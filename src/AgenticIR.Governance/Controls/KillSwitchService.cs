using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Notifications;

namespace AgenticIR.Governance.Controls;

/// <summary>Engages and releases kill switches for people (CLI) and for the policy's triggers. Every change is audited
/// and notified to the policy's <c>kill_switch.notification</c> list. Only a named person releases a switch.</summary>
public sealed class KillSwitchService(
    IGovernanceControlStore controls, IAuditLog audit, IGovernanceNotifier notifier, IPolicyProvider policy, TimeProvider time,
    INotificationSink? notifications = null)
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
        var subject = $"Kill switch engaged: {scope}";
        var body = $"{policy.Current.KillSwitch.Action} — engaged by {engagedBy}: {reason}. It stays engaged until a named person releases it.";
        await NotifyAsync(subject, body, cancellationToken);
        if (notifications is not null)
        {
            // Keyed by the switch as stored: a second worker engaging the same scope meanwhile raises the same notification.
            var engagedAt = (await controls.ActiveAsync(cancellationToken)).FirstOrDefault(k => k.Scope == scope)?.EngagedAt ?? time.GetUtcNow();
            await notifications.RaiseAsync(GovernanceNotifications.KillSwitchEngaged(scope, subject, body, engagedAt), cancellationToken);
        }
    }

    /// <summary>Releases a switch; false when it was not engaged.</summary>
    public async Task<bool> ReleaseAsync(string scope, string releasedBy, string? reason, CancellationToken cancellationToken)
    {
        ValidateScope(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(releasedBy);
        if (releasedBy.StartsWith("policy:", StringComparison.Ordinal))
            throw new ArgumentException("A kill switch is released by a named person, not by policy.", nameof(releasedBy));
        var releasedAt = time.GetUtcNow();
        var released = await controls.ReleaseAsync(scope, releasedBy, releasedAt, cancellationToken);
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
        var subject = $"Kill switch released: {scope}";
        var body = $"Released by {releasedBy}{(reason is null ? "" : ": " + reason)}.";
        await NotifyAsync(subject, body, cancellationToken);
        if (notifications is not null)
            await notifications.RaiseAsync(GovernanceNotifications.KillSwitchReleased(scope, subject, body, releasedAt), cancellationToken);
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
