namespace AgenticIR.Core.Notifications;

/// <summary>One thing people must hear about. Subject and body are plain text and may quote operator or alert text:
/// every channel renders them quoted and defanged, and never takes an address or a command from them.</summary>
public sealed record Notification
{
    /// <summary>Stable across workers and restarts (kind, subject id and event id or time), so the same event raised
    /// twice is delivered once; see <see cref="NotificationKeys"/>.</summary>
    public required string Key { get; init; }

    /// <summary>What it is about.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>How urgent.</summary>
    public required NotificationSeverity Severity { get; init; }

    /// <summary>One line.</summary>
    public required string Subject { get; init; }

    /// <summary>A short plain-text body; no secrets.</summary>
    public required string Body { get; init; }

    /// <summary>The investigation it concerns; null for a global event (a global kill switch, an agent, a playbook).</summary>
    public string? InvestigationId { get; init; }

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset At { get; init; }
}
