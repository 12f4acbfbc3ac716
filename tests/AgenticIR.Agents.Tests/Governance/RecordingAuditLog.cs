using AgenticIR.Core.Audit;

namespace AgenticIR.Agents.Tests.Governance;

internal sealed class RecordingAuditLog : IAuditLog
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<AuditEntry> Entries
    {
        get { lock (_lock) return [.. _entries]; }
    }

    public IReadOnlyList<AuditEntry> OfType(string actionType) => [.. Entries.Where(e => e.ActionType == actionType)];

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            return Task.FromResult(new AuditRecord(_entries.Count, DateTimeOffset.MinValue, entry, "", ""));
        }
    }
}
