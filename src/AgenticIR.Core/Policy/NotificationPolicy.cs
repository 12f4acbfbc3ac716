using AgenticIR.Core.Notifications;

namespace AgenticIR.Core.Policy;

/// <summary>Where governance events are delivered (policy <c>notifications</c>). Every key has a default, so the section
/// may be left out.</summary>
public sealed record NotificationPolicy
{
    /// <summary>Targets per kind. Events about an investigation default to a note on its item and the log; global events
    /// (a global kill switch, a breaker, a demotion) to the operations item and the log.</summary>
    public IReadOnlyDictionary<NotificationKind, IReadOnlyList<NotificationTarget>> Kinds { get; init; } = DefaultKinds;

    /// <summary>The operations item per instance.</summary>
    public NotificationOperations Operations { get; init; } = NotificationOperations.Default;

    /// <summary>Mail settings; null when no mail is configured (a <c>mail</c> target then cannot be used).</summary>
    public NotificationMail? Mail { get; init; }

    /// <summary>Attempts before a delivery is given up (an unreachable SOAR is retried with backoff).</summary>
    /// <value>The default value is 10.</value>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Wait after the first failed attempt; doubled per attempt up to <see cref="MaxBackoff"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Targets of a kind (empty when the policy turns it off).</summary>
    public IReadOnlyList<NotificationTarget> TargetsOf(NotificationKind kind) => Kinds.TryGetValue(kind, out var t) ? t : DefaultKinds[kind];

    /// <summary>The default targets per kind.</summary>
    public static IReadOnlyDictionary<NotificationKind, IReadOnlyList<NotificationTarget>> DefaultKinds { get; } =
        new Dictionary<NotificationKind, IReadOnlyList<NotificationTarget>>
        {
            [NotificationKind.Escalation] = [NotificationTarget.SoarNote, NotificationTarget.Log],
            [NotificationKind.ApprovalTimeout] = [NotificationTarget.SoarNote, NotificationTarget.Log],
            [NotificationKind.KillSwitchEngaged] = [NotificationTarget.SoarNote, NotificationTarget.Operations, NotificationTarget.Log],
            [NotificationKind.KillSwitchReleased] = [NotificationTarget.SoarNote, NotificationTarget.Operations, NotificationTarget.Log],
            [NotificationKind.BreakerTripped] = [NotificationTarget.SoarNote, NotificationTarget.Operations, NotificationTarget.Log],
            [NotificationKind.BreakerRecovered] = [NotificationTarget.Operations, NotificationTarget.Log],
            [NotificationKind.Demotion] = [NotificationTarget.Operations, NotificationTarget.Log],
        };

    // After DefaultKinds: static initializers run in text order, and the defaults read it.
    /// <summary>The defaults.</summary>
    public static NotificationPolicy Default { get; } = new();
}
