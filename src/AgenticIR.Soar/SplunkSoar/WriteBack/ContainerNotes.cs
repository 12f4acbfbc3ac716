using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>A container's notes, read once per write-back and only when a note has to be looked for.</summary>
internal sealed class ContainerNotes(ISplunkSoarClient client, long containerId)
{
    private IReadOnlyList<SoarNote>? _notes;

    public async Task<IReadOnlyList<SoarNote>> GetAsync(CancellationToken cancellationToken) =>
        _notes ??= await client.ListNotesAsync(containerId, cancellationToken);
}
