namespace AgenticIR.Core.Policy;

/// <summary>The history of policy versions, kept in the state store so every worker numbers them the same way.</summary>
public interface IPolicyVersionStore
{
    /// <summary>Records the candidate as the next version unless the latest version has the same hash; check and insert are
    /// one transaction, so two workers loading the same file record it once.</summary>
    Task<RecordedPolicyVersion> RecordAsync(PolicyVersionCandidate candidate, CancellationToken cancellationToken);

    /// <summary>The latest version, or null when none was recorded.</summary>
    Task<PolicyVersion?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Versions loaded at or after a time, oldest first.</summary>
    Task<IReadOnlyList<PolicyVersion>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
