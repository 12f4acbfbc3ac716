namespace AgenticIR.Core.Soar;

/// <summary>Reads what people wrote on an item (container comments, war-room entries), newest last, without the bridge's
/// own notes and without automation output.</summary>
public interface ISoarAnswerReader
{
    /// <summary>Entries written by people after <paramref name="afterSequence"/> (0 for all).</summary>
    Task<IReadOnlyList<SoarAnalystEntry>> ListAnalystEntriesAsync(string externalId, long afterSequence, CancellationToken cancellationToken);
}
