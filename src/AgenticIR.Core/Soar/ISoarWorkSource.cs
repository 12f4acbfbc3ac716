namespace AgenticIR.Core.Soar;

/// <summary>Takes new work from a SOAR instance (containers, incidents) and hands it to the orchestrator, exactly once
/// per item across restarts; what analysts add to an item already taken is merged into its investigation.</summary>
public interface ISoarWorkSource
{
    /// <summary>One intake pass from the stored cursor.</summary>
    /// <exception cref="SoarOutageException">The SOAR is unavailable; the next pass resumes where this one stopped.</exception>
    Task<SoarPollResult> PollAsync(CancellationToken cancellationToken);
}
