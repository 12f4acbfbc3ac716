using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Postgres.Audit;

/// <summary>What one append transaction wrote: the records of each queued group (empty for a group whose receipt was kept
/// before), the head it moved the chain to, the head it found, and whether it took the fast path (the head checked in the
/// write rather than read first).</summary>
internal sealed record PostgresAppendResult(AuditRecord[][] Written, AuditHead Head, AuditHead Found, bool Optimistic);
