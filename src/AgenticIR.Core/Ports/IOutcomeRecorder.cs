using AgenticIR.Core.Learning;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Applies the real outcome of an incident (as a SOAR's closed case tells it) to its investigation, which
/// learning then scores against.</summary>
public interface IOutcomeRecorder
{
    /// <summary>Records the outcome; returns the saved record, or null when the investigation does not exist or already
    /// holds this outcome (so reading a closed case again changes nothing).</summary>
    /// <exception cref="ConcurrencyConflictException">Another writer kept winning the save; the caller retries later.</exception>
    Task<InvestigationRecord?> RecordAsync(string investigationId, IncidentOutcome outcome, CancellationToken cancellationToken);
}
