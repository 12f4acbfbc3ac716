namespace AgenticIR.Core.Learning;

/// <summary>Decisions on review-queue proposals. Recording one also takes the proposal out of the pending queue.</summary>
public interface IProposalDecisionStore
{
    /// <summary>Records the decision and marks the proposal with its status; false when the proposal was already decided
    /// or does not exist (nothing changes then).</summary>
    Task<bool> DecideAsync(ProposalDecision decision, CancellationToken cancellationToken);

    /// <summary>The decision on a proposal, or null while it is pending.</summary>
    Task<ProposalDecision?> GetDecisionAsync(long proposalId, CancellationToken cancellationToken);

    /// <summary>Decisions taken at or after a time, oldest first.</summary>
    Task<IReadOnlyList<ProposalDecision>> ListDecisionsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
