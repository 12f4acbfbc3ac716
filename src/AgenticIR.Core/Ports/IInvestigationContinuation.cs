namespace AgenticIR.Core.Ports;

/// <summary>Lets an investigation resting at <c>awaiting_approval</c> go on once something changed (an answer, a released
/// kill switch): approved actions are dispatched and, when nothing is pending any more, the investigation is documented.</summary>
public interface IInvestigationContinuation
{
    /// <summary>Continues one investigation; does nothing when it is not waiting.</summary>
    Task ContinueAsync(string investigationId, CancellationToken cancellationToken);
}
