namespace AgenticIR.Core.Ports;

/// <summary>Which worker runs an investigation: the stage runner claims one before advancing it and releases it once it
/// is at rest, so two workers never run the same investigation and a killed worker's claims pass to a live one. A single
/// process (replay, evaluation) claims nothing.</summary>
public interface IInvestigationClaims
{
    /// <summary>True when this process may run the investigation now; false while another live worker runs it.</summary>
    Task<bool> TryClaimAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Gives the claim up (the investigation came to rest).</summary>
    Task ReleaseAsync(string investigationId, CancellationToken cancellationToken);
}
