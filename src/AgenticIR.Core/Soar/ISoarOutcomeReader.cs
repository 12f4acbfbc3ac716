namespace AgenticIR.Core.Soar;

/// <summary>Reads how analysts or the SOAR's playbook resolved an item (for shadow comparison and learning).</summary>
public interface ISoarOutcomeReader
{
    /// <summary>The item's outcome so far; null when the item does not exist.</summary>
    /// <param name="externalId">The item's id on the SOAR (the <c>ExternalId</c> of the investigation's source reference).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SoarOutcome?> GetOutcomeAsync(string externalId, CancellationToken cancellationToken);
}
