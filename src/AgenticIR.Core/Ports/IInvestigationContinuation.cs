namespace AgenticIR.Core.Ports;

/// <summary>Lets an investigation that waits for approval move on once an answer (or a timeout rule) settled an action:
/// dispatches what is approved and finishes the investigation when nothing is pending any more.</summary>
public interface IInvestigationContinuation
{
    /// <summary>Continues the investigation; does nothing when it is not waiting for approval.</summary>
    Task ContinueAsync(string investigationId, CancellationToken cancellationToken);
}
