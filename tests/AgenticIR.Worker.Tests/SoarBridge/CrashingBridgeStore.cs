using AgenticIR.Core.Playbooks;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>The real bridge store, except that the process "dies" (throws) instead of recording the
/// <paramref name="crashAt"/>-th item as written: the SOAR has the note or artifact, our ledger does not. With
/// <paramref name="crashOnComment"/>, it also dies instead of recording the first comment entry that matches it: the
/// answer was given to the approval service, the comment ledger does not know.</summary>
internal sealed class CrashingBridgeStore(ISoarBridgeStore inner, int crashAt, Func<SoarCommentEntry, bool>? crashOnComment = null) : ISoarBridgeStore
{
    private int _commentCrashes;

    private int _written;

    public Task SaveWriteAsync(SoarWriteEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.State == SoarWriteState.Written && Interlocked.Increment(ref _written) == crashAt)
            throw new SimulatedCrashException();
        return inner.SaveWriteAsync(entry, cancellationToken);
    }

    public Task<SoarIntakeCursor> GetCursorAsync(string instance, CancellationToken cancellationToken) => inner.GetCursorAsync(instance, cancellationToken);
    public Task AdvanceContainerCursorAsync(string instance, long containerId, CancellationToken cancellationToken) => inner.AdvanceContainerCursorAsync(instance, containerId, cancellationToken);
    public Task AdvanceUpdateCursorAsync(string instance, DateTimeOffset updateTime, CancellationToken cancellationToken) => inner.AdvanceUpdateCursorAsync(instance, updateTime, cancellationToken);
    public Task<SoarContainerLink?> GetLinkAsync(string instance, long containerId, CancellationToken cancellationToken) => inner.GetLinkAsync(instance, containerId, cancellationToken);
    public Task<IReadOnlyList<SoarContainerLink>> ListLinksAsync(string instance, CancellationToken cancellationToken) => inner.ListLinksAsync(instance, cancellationToken);
    public Task<IReadOnlyList<SoarContainerLink>> ListLinksForInvestigationAsync(string investigationId, CancellationToken cancellationToken) => inner.ListLinksForInvestigationAsync(investigationId, cancellationToken);
    public Task SaveLinkAsync(SoarContainerLink link, CancellationToken cancellationToken) => inner.SaveLinkAsync(link, cancellationToken);
    public Task QueueWriteBackAsync(string investigationId, CancellationToken cancellationToken) => inner.QueueWriteBackAsync(investigationId, cancellationToken);
    public Task<IReadOnlyList<SoarWriteBackRequest>> ListQueuedWriteBacksAsync(string instance, CancellationToken cancellationToken) => inner.ListQueuedWriteBacksAsync(instance, cancellationToken);
    public Task CompleteWriteBackAsync(SoarWriteBackRequest request, CancellationToken cancellationToken) => inner.CompleteWriteBackAsync(request, cancellationToken);
    public Task AdvanceCommentCursorAsync(string instance, long containerId, long commentId, CancellationToken cancellationToken) => inner.AdvanceCommentCursorAsync(instance, containerId, commentId, cancellationToken);
    public Task<SoarWriteEntry?> GetWriteAsync(string instance, long containerId, string itemKey, CancellationToken cancellationToken) => inner.GetWriteAsync(instance, containerId, itemKey, cancellationToken);
    public Task<IReadOnlyList<SoarWriteEntry>> ListWritesAsync(string instance, long containerId, CancellationToken cancellationToken) => inner.ListWritesAsync(instance, containerId, cancellationToken);
    public Task<SoarCommentEntry?> GetCommentAsync(string instance, long containerId, long commentId, CancellationToken cancellationToken) => inner.GetCommentAsync(instance, containerId, commentId, cancellationToken);
    public Task SaveCommentAsync(SoarCommentEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (crashOnComment?.Invoke(entry) == true && Interlocked.Increment(ref _commentCrashes) == 1)
            throw new SimulatedCrashException();
        return inner.SaveCommentAsync(entry, cancellationToken);
    }
}
