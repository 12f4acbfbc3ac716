namespace AgenticIR.Storage.Shared;

/// <summary>The retention pass's SQL, the same on both back ends (text timestamps compare in time order on both).
/// Parameters: <c>@finishedBefore</c>, <c>@messagesBefore</c>, <c>@deadLettersBefore</c>, <c>@notificationsBefore</c> (timestamps as stored) and
/// <c>@batch</c>. Each kind is a list of (table, condition) steps run in order in one transaction: dependants first, so
/// the selection of investigations (which no step before the last changes) names the same rows in every step.</summary>
internal static class RetentionStatements
{
    /// <summary>A batch of finished investigations past retention, oldest first. Kept: those with an undelivered outbox
    /// message (a subscriber has yet to see them) and those linked to a SOAR container (the bridge resolves the
    /// container to them).</summary>
    private const string FinishedBatch =
        """
        SELECT i.id FROM investigations i
        WHERE i.stage IN ('documented', 'closed') AND i.updated_at < @finishedBefore
          AND NOT EXISTS (SELECT 1 FROM bus_messages m WHERE m.investigation_id = i.id AND m.state = 'pending')
          AND NOT EXISTS (SELECT 1 FROM soar_container_link l WHERE l.investigation_id = i.id)
        ORDER BY i.updated_at, i.id
        LIMIT @batch
        """;

    /// <summary>Steps removing one batch of finished investigations; the last step's count is the batch size.</summary>
    public static IReadOnlyList<RetentionStep> FinishedInvestigations { get; } =
    [
        new(null, "delivery_receipts", $"message_id IN (SELECT id FROM bus_messages WHERE investigation_id IN ({FinishedBatch}))"),
        new(RetentionTable.Messages, "bus_messages", $"investigation_id IN ({FinishedBatch})"),
        new(RetentionTable.Intake, "intake", $"investigation_id IN ({FinishedBatch})"),
        new(RetentionTable.StageEvents, "stage_events", $"investigation_id IN ({FinishedBatch})"),
        new(RetentionTable.Investigations, "investigations", $"id IN ({FinishedBatch})"),
    ];

    // Messages of investigations the first kind removes are counted there only (this matters to a dry run; after a real
    // pass no investigation is left to select).
    private const string Delivered = $"state = 'delivered' AND delivered_at < @messagesBefore AND investigation_id NOT IN ({FinishedBatch})";
    private const string DeadLettered = $"state = 'dead_lettered' AND created_at < @deadLettersBefore AND investigation_id NOT IN ({FinishedBatch})";

    /// <summary>Steps removing delivered outbox messages past retention.</summary>
    public static IReadOnlyList<RetentionStep> DeliveredMessages { get; } =
    [
        new(null, "delivery_receipts", $"message_id IN (SELECT id FROM bus_messages WHERE {Delivered})"),
        new(RetentionTable.Messages, "bus_messages", Delivered),
    ];

    /// <summary>Steps removing dead letters past retention.</summary>
    public static IReadOnlyList<RetentionStep> DeadLetters { get; } =
    [
        new(null, "delivery_receipts", $"message_id IN (SELECT id FROM bus_messages WHERE {DeadLettered})"),
        new(RetentionTable.Messages, "bus_messages", DeadLettered),
        new(RetentionTable.Intake, "intake", "status = 'dead_lettered' AND recorded_at < @deadLettersBefore"),
        new(RetentionTable.DeadLetters, "dead_letters", "created_at < @deadLettersBefore"),
    ];

    /// <summary>Steps removing notification deliveries delivered or given up past retention; pending ones stay.</summary>
    public static IReadOnlyList<RetentionStep> FinishedNotifications { get; } =
    [
        new(RetentionTable.Notifications, "notification_deliveries",
            "state IN ('delivered', 'failed') AND completed_at IS NOT NULL AND completed_at < @notificationsBefore"),
    ];

    /// <summary>Largest number of investigations removed in one transaction, so a first pass over a long history does
    /// not hold the store's write lock for long.</summary>
    public const int Batch = 500;

    /// <summary>Count used by dry runs: no batch limit applies.</summary>
    public const long Unbounded = long.MaxValue;
}
