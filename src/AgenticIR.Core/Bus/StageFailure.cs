using System.Globalization;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Bus;

/// <summary>The <see cref="MessageType.StageFailed"/> message saved with a failed stage's dead letter. Its summary starts
/// with the stage the investigation was leaving, which names the agent whose work failed.</summary>
public static class StageFailure
{
    /// <summary>The message for a stage of <paramref name="record"/> that threw <paramref name="errorType"/> at <paramref name="at"/>.
    /// Each failure is its own event, so the id carries the time as well as the version.</summary>
    public static BusMessage Message(InvestigationRecord record, string errorType, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new BusMessage
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{record.Id}:{MessageType.StageFailed}:{record.Version}:{at.UtcTicks}"),
            Type = MessageType.StageFailed,
            InvestigationId = record.Id,
            Summary = string.Create(CultureInfo.InvariantCulture, $"{record.Stage} failed ({errorType})"),
            CreatedAt = at,
        };
    }

    /// <summary>The stage a <see cref="MessageType.StageFailed"/> message reports, or null for any other message.</summary>
    public static InvestigationStage? StageOf(BusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Type != MessageType.StageFailed) return null;
        var end = message.Summary.IndexOf(' ', StringComparison.Ordinal);
        return Enum.TryParse<InvestigationStage>(end < 0 ? message.Summary : message.Summary[..end], ignoreCase: false, out var stage)
            && Enum.IsDefined(stage) ? stage : null;
    }
}
