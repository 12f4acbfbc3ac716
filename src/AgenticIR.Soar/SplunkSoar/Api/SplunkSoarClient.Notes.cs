using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.SplunkSoar.Api;

internal sealed partial class SplunkSoarClient
{
    public Task<long> CreateNoteAsync(NewNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        return SendAsync(SoarCall.Post("rest/note", SoarCallKind.UnsafeWrite, SoarBodies.Note(note, create: true)), r => CreatedId(r), cancellationToken);
    }

    public Task UpdateNoteAsync(long noteId, NewNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        return transport.SendAsync(SoarCall.Post($"rest/note/{noteId}", SoarCallKind.IdempotentWrite, SoarBodies.Note(note, create: false)), cancellationToken);
    }

    /// <summary>UNVERIFIED: the filter field on notes (<c>container</c>, as on other records).</summary>
    public Task<IReadOnlyList<SoarNote>> ListNotesAsync(long containerId, CancellationToken cancellationToken) =>
        ListAllAsync("rest/note", q => q.Number("_filter_container", containerId), SoarParsers.Note, cancellationToken);

    /// <summary>UNVERIFIED: <c>/rest/container_comment</c> has no documented schema (see SoarParsers.Comment).</summary>
    public Task<IReadOnlyList<SoarComment>> ListCommentsAsync(long containerId, long afterId, CancellationToken cancellationToken) =>
        ListAllAsync("rest/container_comment", q => q.Number("_filter_container", containerId).Number("_filter_id__gt", afterId),
            SoarParsers.Comment, cancellationToken);

    /// <summary>UNVERIFIED: body and answer (<c>{"success": true, "id": N}</c> assumed, as for notes).</summary>
    public Task<long> CreateCommentAsync(long containerId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(comment);
        return SendAsync(SoarCall.Post("rest/container_comment", SoarCallKind.UnsafeWrite, SoarBodies.Comment(containerId, comment)),
            r => CreatedId(r), cancellationToken);
    }
}
