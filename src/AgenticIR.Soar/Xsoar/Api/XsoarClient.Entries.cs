using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.Xsoar.Api;

internal sealed partial class XsoarClient
{
    // Entries per investigation read; demisto-sdk asks for 1000.
    private const int EntryPageSize = 1000;

    public Task<IReadOnlyList<XsoarEntry>> GetEntriesAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        return SendAsync(XsoarCall.Post("investigation/" + Uri.EscapeDataString(incidentId), SoarCallKind.Read, Serialize(new { pageSize = EntryPageSize })),
            r => XsoarParsers.InvestigationEntries(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    public Task<XsoarEntry> AddEntryAsync(string incidentId, string markdown, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentNullException.ThrowIfNull(markdown);
        return SendAsync(XsoarCall.Post("entry", SoarCallKind.UnsafeWrite, Serialize(new { investigationId = incidentId, data = markdown, markdown = true })),
            r => XsoarParsers.Entry(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    public Task<XsoarEntry> EditEntryAsync(string incidentId, string entryId, long version, string markdown, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        ArgumentNullException.ThrowIfNull(markdown);
        // With the id and the version the write is optimistic-locked: a second attempt after success meets a newer
        // version and is refused instead of applied twice.
        return SendAsync(XsoarCall.Post("entry", SoarCallKind.IdempotentWrite, Serialize(new { id = entryId, version, investigationId = incidentId, data = markdown, markdown = true })),
            r => XsoarParsers.Entry(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    public Task<XsoarEntry> SetEntryTagsAsync(string incidentId, string entryId, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        ArgumentNullException.ThrowIfNull(tags);
        return SendAsync(XsoarCall.Post("entry/tags", SoarCallKind.IdempotentWrite, Serialize(new { id = entryId, version = -1, investigationId = incidentId, tags })),
            r => XsoarParsers.Entry(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    public Task<IReadOnlyList<XsoarEntry>> ExecuteCommandAsync(string incidentId, string command, IReadOnlyList<KeyValuePair<string, string>> arguments, string? usingInstance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        var line = XsoarCommandLine.Build(command, arguments, usingInstance);
        return SendAsync(XsoarCall.Post("entry/execute/sync", SoarCallKind.UnsafeWrite, Serialize(new { investigationId = incidentId, data = line })),
            r => (IReadOnlyList<XsoarEntry>)[.. XsoarJson.ParseArray(r.Content).EnumerateArray().Select(XsoarParsers.Entry)], cancellationToken);
    }
}
