using AgenticIR.Core.Audit;

namespace AgenticIR.Core.Bus;

/// <summary>The audit records a message's save writes in its own transaction, with the auditor's receipt for the message,
/// so delivery does not write them again.</summary>
/// <param name="Receipt">The auditor's receipt for the message (kept with the records).</param>
/// <param name="Entries">The records, in order; empty when the message records nothing (then no receipt is kept either).</param>
public sealed record AnnouncementAudit(DeliveryReceipt Receipt, IReadOnlyList<AuditEntry> Entries);
