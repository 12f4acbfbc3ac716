using System.Collections.Frozen;

namespace AgenticIR.Core.Notifications;

/// <summary>Wire names of kinds, targets, severities and delivery states (policy keys, store columns, audit details).</summary>
public static class NotificationWire
{
    private static readonly FrozenDictionary<NotificationKind, string> Kinds = new Dictionary<NotificationKind, string>
    {
        [NotificationKind.Escalation] = "escalation",
        [NotificationKind.ApprovalTimeout] = "approval_timeout",
        [NotificationKind.KillSwitchEngaged] = "kill_switch_engaged",
        [NotificationKind.KillSwitchReleased] = "kill_switch_released",
        [NotificationKind.BreakerTripped] = "breaker_tripped",
        [NotificationKind.BreakerRecovered] = "breaker_recovered",
        [NotificationKind.Demotion] = "demotion",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<NotificationTarget, string> Targets = new Dictionary<NotificationTarget, string>
    {
        [NotificationTarget.SoarNote] = "soar_note",
        [NotificationTarget.Operations] = "operations",
        [NotificationTarget.Mail] = "mail",
        [NotificationTarget.Log] = "log",
    }.ToFrozenDictionary();

    /// <summary>Every kind's wire name.</summary>
    public static IReadOnlyCollection<string> KindNames => Kinds.Values;

    /// <summary>Every target's wire name.</summary>
    public static IReadOnlyCollection<string> TargetNames => Targets.Values;

    /// <summary>e.g. <c>kill_switch_engaged</c>.</summary>
    public static string Kind(NotificationKind kind) => Kinds[kind];

    /// <summary>e.g. <c>soar_note</c>.</summary>
    public static string Target(NotificationTarget target) => Targets[target];

    /// <summary>e.g. <c>critical</c>.</summary>
    public static string Severity(NotificationSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The kind of a wire name.</summary>
    public static NotificationKind ParseKind(string name) =>
        Kinds.FirstOrDefault(k => k.Value == name) is { Value: not null } found ? found.Key : throw new FormatException($"unknown notification kind '{name}'");

    /// <summary>The target of a wire name.</summary>
    public static NotificationTarget ParseTarget(string name) =>
        Targets.FirstOrDefault(k => k.Value == name) is { Value: not null } found ? found.Key : throw new FormatException($"unknown notification target '{name}'");

    /// <summary>The severity of a wire name.</summary>
    public static NotificationSeverity ParseSeverity(string name) =>
        Enum.TryParse<NotificationSeverity>(name, ignoreCase: true, out var s) ? s : throw new FormatException($"unknown notification severity '{name}'");
}
