using AgenticIR.Core.Playbooks;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

internal sealed partial class WriteBackService
{
    private async Task<WriteOutcome> WriteNoteAsync(ISplunkSoarClient client, string instance, long containerId, string investigationId,
        WriteBackItem item, ContainerNotes notes, CancellationToken cancellationToken)
    {
        var note = item.Note!;
        var entry = await store.GetWriteAsync(instance, containerId, item.Key, cancellationToken);
        if (entry is { State: SoarWriteState.Written, SoarId: { } written })
        {
            if (entry.ContentHash == item.Hash) return WriteOutcome.Unchanged;
            if (await TryUpdateNoteAsync(client, written, note, cancellationToken))
            {
                await MarkWrittenAsync(instance, containerId, item, written, cancellationToken);
                return WriteOutcome.Updated;
            }
            // Deleted on the SOAR by an analyst: written again below, like a new note.
        }

        if ((await notes.GetAsync(cancellationToken)).FirstOrDefault(n => NoteMarker.IsOurs(n, investigationId, item.NoteKind!.Value)) is { } found)
        {
            if (WriteBackItems.HashOf(note with { Content = found.Content, Title = found.Title }) != item.Hash)
                await client.UpdateNoteAsync(found.Id, note, cancellationToken);
            await MarkWrittenAsync(instance, containerId, item, found.Id, cancellationToken);
            return WriteOutcome.Adopted;
        }

        await store.SaveWriteAsync(new SoarWriteEntry(instance, containerId, item.Key, null, item.Hash, SoarWriteState.Pending), cancellationToken);
        var id = await client.CreateNoteAsync(note, cancellationToken);
        await MarkWrittenAsync(instance, containerId, item, id, cancellationToken);
        return WriteOutcome.Created;
    }

    private async Task<WriteOutcome> WriteArtifactAsync(ISplunkSoarClient client, string instance, long containerId, WriteBackItem item, CancellationToken cancellationToken)
    {
        var artifact = item.Artifact!;
        var entry = await store.GetWriteAsync(instance, containerId, item.Key, cancellationToken);
        if (entry is { State: SoarWriteState.Written, SoarId: { } written })
        {
            if (entry.ContentHash == item.Hash) return WriteOutcome.Unchanged;
            await client.UpdateArtifactAsync(written, artifact, cancellationToken);
            await MarkWrittenAsync(instance, containerId, item, written, cancellationToken);
            return WriteOutcome.Updated;
        }

        // Not known as written: an earlier run may have created it and died before the ledger write.
        if (await client.FindArtifactAsync(containerId, artifact.SourceDataIdentifier, cancellationToken) is { } existing)
        {
            // Its content is unknown (the crash may have come between two versions), so it is brought up to date.
            await client.UpdateArtifactAsync(existing.Id, artifact, cancellationToken);
            await MarkWrittenAsync(instance, containerId, item, existing.Id, cancellationToken);
            return WriteOutcome.Adopted;
        }

        await store.SaveWriteAsync(new SoarWriteEntry(instance, containerId, item.Key, null, item.Hash, SoarWriteState.Pending), cancellationToken);
        var result = await client.CreateArtifactAsync(artifact, cancellationToken);
        await MarkWrittenAsync(instance, containerId, item, result.Id, cancellationToken);
        return result.AlreadyExisted ? WriteOutcome.Adopted : WriteOutcome.Created;
    }

    private static async Task<bool> TryUpdateNoteAsync(ISplunkSoarClient client, long noteId, NewNote note, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateNoteAsync(noteId, note, cancellationToken);
            return true;
        }
        catch (SoarRequestException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private Task MarkWrittenAsync(string instance, long containerId, WriteBackItem item, long soarId, CancellationToken cancellationToken) =>
        store.SaveWriteAsync(new SoarWriteEntry(instance, containerId, item.Key, soarId, item.Hash, SoarWriteState.Written), cancellationToken);
}
