namespace AgenticIR.Core.Playbooks;

/// <summary>What the Splunk SOAR bridge keeps between cycles and across restarts: the intake cursor, container links,
/// the write-back queue and ledger, and the processed approval comments. Every write is durable before the call returns.</summary>
public interface ISoarBridgeStore
{
    /// <summary>The intake cursor of an instance (zero and null before the first container).</summary>
    Task<SoarIntakeCursor> GetCursorAsync(string instance, CancellationToken cancellationToken);

    /// <summary>Moves the container cursor forward; a lower id than the stored one changes nothing.</summary>
    Task AdvanceContainerCursorAsync(string instance, long containerId, CancellationToken cancellationToken);

    /// <summary>Moves the update-time cursor forward; an earlier time than the stored one changes nothing.</summary>
    Task AdvanceUpdateCursorAsync(string instance, DateTimeOffset updateTime, CancellationToken cancellationToken);

    /// <summary>The link of a container, or null when the agents never took it.</summary>
    Task<SoarContainerLink?> GetLinkAsync(string instance, long containerId, CancellationToken cancellationToken);

    /// <summary>Links of an instance, by container id.</summary>
    Task<IReadOnlyList<SoarContainerLink>> ListLinksAsync(string instance, CancellationToken cancellationToken);

    /// <summary>Containers feeding one investigation.</summary>
    Task<IReadOnlyList<SoarContainerLink>> ListLinksForInvestigationAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Inserts a link, or moves its artifact id and update time forward (never back); the comment cursor is kept.
    /// A new link queues its investigation's write-back (a container to write into), in the same transaction.</summary>
    Task SaveLinkAsync(SoarContainerLink link, CancellationToken cancellationToken);

    /// <summary>Queues the write-back of an investigation that feeds at least one container; nothing for one that feeds none.</summary>
    Task QueueWriteBackAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Queued write-backs of investigations that feed a container of <paramref name="instance"/>, oldest first.</summary>
    Task<IReadOnlyList<SoarWriteBackRequest>> ListQueuedWriteBacksAsync(string instance, CancellationToken cancellationToken);

    /// <summary>Removes a request once its write-back finished, unless it was queued again since (its generation moved).</summary>
    Task CompleteWriteBackAsync(SoarWriteBackRequest request, CancellationToken cancellationToken);

    /// <summary>Moves a container's comment cursor forward.</summary>
    Task AdvanceCommentCursorAsync(string instance, long containerId, long commentId, CancellationToken cancellationToken);

    /// <summary>The ledger entry of one item, or null.</summary>
    Task<SoarWriteEntry?> GetWriteAsync(string instance, long containerId, string itemKey, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a ledger entry.</summary>
    Task SaveWriteAsync(SoarWriteEntry entry, CancellationToken cancellationToken);

    /// <summary>Ledger entries of one container.</summary>
    Task<IReadOnlyList<SoarWriteEntry>> ListWritesAsync(string instance, long containerId, CancellationToken cancellationToken);

    /// <summary>The processing state of one comment, or null when never seen.</summary>
    Task<SoarCommentEntry?> GetCommentAsync(string instance, long containerId, long commentId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a comment entry.</summary>
    Task SaveCommentAsync(SoarCommentEntry entry, CancellationToken cancellationToken);
}
