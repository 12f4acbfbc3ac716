using AgenticIR.Core.State;

namespace AgenticIR.Core.Soar;

/// <summary>Writes what an investigation has so far (triage, findings, investigation, plan, report) into the SOAR items it
/// came from: one note of each kind per item, brought up to date when the record changes, never duplicated by a retry
/// or a crash between the write and its bookkeeping.</summary>
public interface ISoarWriteBack
{
    /// <summary>Brings the investigation's items on this instance up to date with the record.</summary>
    /// <exception cref="SoarOutageException">The SOAR is unavailable; what was written stays recorded, the rest follows.</exception>
    Task<SoarWriteResult> WriteBackAsync(InvestigationRecord record, CancellationToken cancellationToken);
}
