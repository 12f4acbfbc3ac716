namespace AgenticIR.Core.Retention;

/// <summary>What a retention pass removes: rows older than each cutoff, per kind; a null cutoff keeps that kind.</summary>
public sealed record RetentionCutoffs
{
    /// <summary>Investigations documented or closed before this (last saved before it), with their stage events, outbox
    /// messages and intake rows. An investigation with an undelivered message or linked to a SOAR container is kept.</summary>
    public DateTimeOffset? FinishedInvestigationsBefore { get; init; }

    /// <summary>Outbox messages delivered before this (and their delivery receipts), whatever their investigation's stage.</summary>
    public DateTimeOffset? DeliveredMessagesBefore { get; init; }

    /// <summary>Dead letters, dead-lettered outbox messages and the intake rows of dead-lettered inputs recorded before this.</summary>
    public DateTimeOffset? DeadLettersBefore { get; init; }

    /// <summary>Notification deliveries delivered or given up before this (their <c>completed_at</c>); a pending
    /// delivery is never removed.</summary>
    public DateTimeOffset? FinishedNotificationsBefore { get; init; }
}
