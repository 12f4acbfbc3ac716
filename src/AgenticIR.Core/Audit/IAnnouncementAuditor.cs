using AgenticIR.Core.Bus;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Audit;

/// <summary>What the audit trail records for an announcement, as a function of the message and the investigation it
/// announces alone, so the records can be written with the save that announces them (one transaction for the state, its
/// messages and its audit records) rather than by the subscriber after delivery.</summary>
public interface IAnnouncementAuditor
{
    /// <summary>Stable name its receipts carry (the subscriber's).</summary>
    string SubscriberName { get; }

    /// <summary>True for the message types it audits.</summary>
    bool Audits(MessageType type);

    /// <summary>The entries for <paramref name="message"/>, in the order they are appended, computed from
    /// <paramref name="record"/> (the investigation as saved with the message; its version and update time are not used, so
    /// the record before the save gives the same entries). Empty when the message records nothing.</summary>
    IReadOnlyList<AuditEntry> EntriesFor(BusMessage message, InvestigationRecord record);
}
