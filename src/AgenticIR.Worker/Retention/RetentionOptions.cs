using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Worker.Retention;

/// <summary>How long each kind of data is kept (section <c>Retention</c>; e.g. <c>Retention__FinishedInvestigationsDays=90</c>).
/// An empty value keeps that kind for ever. docs/retention.md describes what each kind covers.</summary>
public sealed class RetentionOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Retention";

    /// <summary>Days a documented or closed investigation is kept after its last save, with its stage events, outbox
    /// messages and intake rows. Default 180.</summary>
    [Range(0, 36500)]
    public int? FinishedInvestigationsDays { get; set; } = 180;

    /// <summary>Days an outbox message is kept once every subscriber took it. Default 7.</summary>
    [Range(0, 36500)]
    public int? DeliveredMessagesDays { get; set; } = 7;

    /// <summary>Days a dead letter (an input or a message given up) is kept. Default 90.</summary>
    [Range(0, 36500)]
    public int? DeadLettersDays { get; set; } = 90;

    /// <summary>Days a notification delivery is kept once delivered or given up (pending ones are always kept). Default 30.</summary>
    [Range(0, 36500)]
    public int? NotificationsDays { get; set; } = 30;

    /// <summary>Days an incident report file (<c>{id}.md</c>, <c>{id}.json</c> in the reports folder) is kept after it was
    /// last written. Default 180.</summary>
    [Range(0, 36500)]
    public int? ReportsDays { get; set; } = 180;

    /// <summary>Who signs off the audit trail's pruning when the worker does it (recorded in the anchor). Default none:
    /// the worker leaves the audit trail alone and <c>agentic-ir audit prune</c> is run by a person.</summary>
    public string? AuditSignedOffBy { get; set; }

    /// <summary>Days audit records are kept when <see cref="AuditSignedOffBy"/> is set. Default: the governance policy's
    /// <c>audit_trail.retention_days</c>.</summary>
    [Range(0, 36500)]
    public int? AuditDays { get; set; }

    /// <summary>Minutes between two retention passes of <c>agentic-ir run</c> (the first runs at start). Default 60.</summary>
    [Range(1, 10080)]
    public int IntervalMinutes { get; set; } = 60;
}
