using AgenticIR.Core.Notifications;

namespace AgenticIR.Governance.Notifications;

/// <summary>The notifications governance raises, with their stable keys: the same event seen by two workers, or raised
/// again after a restart, has the same key and is delivered once.</summary>
public static class GovernanceNotifications
{
    /// <summary>An approval request escalated to the next tier (one per request and level).</summary>
    public static Notification Escalation(string investigationId, string actionId, int level, string subject, string body, DateTimeOffset at) => new()
    {
        Key = NotificationKeys.Of(NotificationKind.Escalation, $"{investigationId}/{actionId}", "level" + level.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Kind = NotificationKind.Escalation, Severity = NotificationSeverity.Warning,
        Subject = subject, Body = body, InvestigationId = investigationId, At = at,
    };

    /// <summary>An approval request held or timed out without an answer (one per request and outcome).</summary>
    public static Notification ApprovalTimeout(string investigationId, string actionId, string outcome, string subject, string body, DateTimeOffset at) => new()
    {
        Key = NotificationKeys.Of(NotificationKind.ApprovalTimeout, $"{investigationId}/{actionId}", outcome),
        Kind = NotificationKind.ApprovalTimeout, Severity = NotificationSeverity.Warning,
        Subject = subject, Body = body, InvestigationId = investigationId, At = at,
    };

    /// <summary>A kill switch engaged, keyed by its scope and the time it was engaged as stored (whoever engaged it first).</summary>
    public static Notification KillSwitchEngaged(string scope, string subject, string body, DateTimeOffset engagedAt) => new()
    {
        Key = NotificationKeys.Of(NotificationKind.KillSwitchEngaged, scope, engagedAt),
        Kind = NotificationKind.KillSwitchEngaged, Severity = NotificationSeverity.Critical,
        Subject = subject, Body = body, InvestigationId = InvestigationOf(scope), At = engagedAt,
    };

    /// <summary>A kill switch released (only the one caller whose release took effect raises it).</summary>
    public static Notification KillSwitchReleased(string scope, string subject, string body, DateTimeOffset releasedAt) => new()
    {
        Key = NotificationKeys.Of(NotificationKind.KillSwitchReleased, scope, releasedAt),
        Kind = NotificationKind.KillSwitchReleased, Severity = NotificationSeverity.Info,
        Subject = subject, Body = body, InvestigationId = InvestigationOf(scope), At = releasedAt,
    };

    /// <summary>An agent's health breaker tripped or recovered (the health pass runs on one worker at a time).</summary>
    public static Notification AgentBreaker(string agent, bool tripped, string subject, string body, DateTimeOffset at)
    {
        var kind = tripped ? NotificationKind.BreakerTripped : NotificationKind.BreakerRecovered;
        return new()
        {
            Key = NotificationKeys.Of(kind, "agent:" + agent, at),
            Kind = kind, Severity = tripped ? NotificationSeverity.Critical : NotificationSeverity.Info,
            Subject = subject, Body = body, At = at,
        };
    }

    /// <summary>A dispatch circuit breaker held an investigation's action (one per action and limit).</summary>
    public static Notification DispatchBreaker(string investigationId, string actionId, string limit, string subject, string body, DateTimeOffset at) => new()
    {
        Key = NotificationKeys.Of(NotificationKind.BreakerTripped, $"{investigationId}/{actionId}", limit),
        Kind = NotificationKind.BreakerTripped, Severity = NotificationSeverity.Critical,
        Subject = subject, Body = body, InvestigationId = investigationId, At = at,
    };

    /// <summary>A playbook × severity demoted (one per cap recorded).</summary>
    public static Notification Demotion(string playbook, string severity, string subject, string body, DateTimeOffset at) => new()
    {
        Key = NotificationKeys.Of(NotificationKind.Demotion, $"{playbook}/{severity}", at),
        Kind = NotificationKind.Demotion, Severity = NotificationSeverity.Warning,
        Subject = subject, Body = body, At = at,
    };

    private static string? InvestigationOf(string scope) =>
        scope.StartsWith("investigation:", StringComparison.Ordinal) ? scope["investigation:".Length..] : null;
}
