using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>An incident's entries, read at most once per write-back and only when an entry has to be looked for.</summary>
internal sealed class XsoarWarRoom(IXsoarClient client, string incidentId)
{
    private IReadOnlyList<XsoarEntry>? _entries;

    public async Task<IReadOnlyList<XsoarEntry>> GetAsync(CancellationToken cancellationToken) =>
        _entries ??= await client.GetEntriesAsync(incidentId, cancellationToken);
}
