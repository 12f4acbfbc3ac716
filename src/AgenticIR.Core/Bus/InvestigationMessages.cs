using System.Globalization;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Bus;

/// <summary>Builds the messages saved with an investigation's state. Ids are deterministic (investigation, type, the
/// version the save starts from, and a suffix where one save carries several of a type), so a stage resumed after a
/// crash saves the same ids again and the outbox keeps one of each.</summary>
public static class InvestigationMessages
{
    /// <summary>A message announcing <paramref name="record"/> (the state about to be saved, at its current version).</summary>
    public static BusMessage Create(InvestigationRecord record, MessageType type, string summary, DateTimeOffset at, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new BusMessage
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{record.Id}:{type}:{record.Version}{suffix}"),
            Type = type,
            InvestigationId = record.Id,
            Summary = summary,
            CreatedAt = at,
        };
    }

    /// <summary>The <see cref="MessageType.InvestigationUpdated"/> message of a save that no other message announces.</summary>
    public static BusMessage Updated(InvestigationRecord record, string summary, DateTimeOffset at) =>
        Create(record, MessageType.InvestigationUpdated, summary, at);
}
