using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Human decisions on the learning agent's proposals. An accepted proposal is written into the policy file
/// itself (the YAML stays the one source of truth a person reads), validated as a whole, and becomes a new audited
/// policy version of kind <c>calibration</c> (or <c>policy</c> for budgets). A rejection is recorded and audited. Either
/// way the proposal leaves the pending queue.</summary>
public sealed class ProposalReview(
    IStateStore store, IProposalDecisionStore decisions, ReloadingPolicyProvider policy, IAuditLog audit, TimeProvider time, ILogger<ProposalReview> logger)
{
    private const double SameValue = 1e-9;

    /// <summary>Pending proposals, oldest first.</summary>
    public Task<IReadOnlyList<ReviewItem>> PendingAsync(CancellationToken cancellationToken) => store.ListProposalsAsync(cancellationToken);

    /// <summary>Applies a pending proposal to the policy file and puts the new version in force. Refused (nothing changes)
    /// when the proposal is unknown or decided, was made against a value that has since changed, names a value proposals
    /// may not change, or would make the policy invalid.</summary>
    public async Task<ProposalReviewResult> AcceptAsync(long proposalId, string acceptedBy, CancellationToken cancellationToken)
    {
        CheckPerson(acceptedBy, nameof(acceptedBy));
        if (await FindPendingAsync(proposalId, cancellationToken) is not { } item) return await NotPendingAsync(proposalId, cancellationToken);
        var proposal = item.Proposal;
        if (CalibrationPlan.For(proposal, policy.Current, out var planError) is not { } plan)
            return new ProposalReviewResult(false, $"Proposal {proposalId} cannot be applied: {planError}.");

        var bytes = await File.ReadAllBytesAsync(policy.PolicyPath, cancellationToken);
        var basedOn = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var text = Encoding.UTF8.GetString(bytes);
        if (PolicyYamlEditor.TryGet(text, proposal.Parameter, out var readError) is not { } inForce)
            return new ProposalReviewResult(false, $"Proposal {proposalId} cannot be applied: {readError}.");
        if (!SameNumber(inForce, proposal.Current))
            return new ProposalReviewResult(false,
                $"Proposal {proposalId} was made when {proposal.Parameter} was {proposal.Current}; it is now {inForce}. Reject it, or wait for a fresh proposal.");

        foreach (var edit in plan.Edits)
        {
            if (PolicyYamlEditor.TrySet(text, edit.Path, edit.Value, out var editError) is not { } edited)
                return new ProposalReviewResult(false, $"Proposal {proposalId} cannot be applied: {editError}.");
            text = edited;
        }

        var details = new Dictionary<string, string>
        {
            ["proposal_id"] = proposalId.ToString(CultureInfo.InvariantCulture),
            ["parameter"] = proposal.Parameter,
            ["from"] = proposal.Current,
            ["to"] = proposal.Proposed,
            ["proposed_for"] = item.InvestigationId,
            ["edits"] = string.Join(", ", plan.Edits.Select(e => $"{e.Path}={e.Value}")),
        };
        var change = new PolicyChange(acceptedBy, plan.Kind, $"accepted proposal {proposalId}: {proposal.Rationale}", details);
        var result = await policy.ApplyFileEditAsync(basedOn, text, change, cancellationToken);
        if (result.Status != PolicyReloadStatus.Applied || result.Version is not { } version)
            return new ProposalReviewResult(false, $"Proposal {proposalId} was not applied: the changed policy is invalid or the file changed.", null, result.Errors);

        await decisions.DecideAsync(new ProposalDecision(proposalId, ProposalDecision.Accepted, acceptedBy, time.GetUtcNow(), null, version.Version), cancellationToken);
        PolicyLifecycleLog.ProposalAccepted(logger, proposalId, proposal.Parameter, acceptedBy, version.Version);
        return new ProposalReviewResult(true,
            $"Proposal {proposalId} accepted by {acceptedBy}: {string.Join(", ", plan.Edits.Select(e => $"{e.Path} = {e.Value}"))} in force as policy version {version.Version} ({plan.Kind}).",
            version);
    }

    /// <summary>Rejects a pending proposal with a reason; nothing in the policy changes.</summary>
    public async Task<ProposalReviewResult> RejectAsync(long proposalId, string rejectedBy, string reason, CancellationToken cancellationToken)
    {
        CheckPerson(rejectedBy, nameof(rejectedBy));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (await FindPendingAsync(proposalId, cancellationToken) is not { } item) return await NotPendingAsync(proposalId, cancellationToken);
        if (!await decisions.DecideAsync(new ProposalDecision(proposalId, ProposalDecision.Rejected, rejectedBy, time.GetUtcNow(), reason.Trim(), null), cancellationToken))
            return await NotPendingAsync(proposalId, cancellationToken);
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = "operator",
            ActionType = PolicyAuditTypes.ProposalDecision,
            Target = item.Proposal.Parameter,
            Justification = reason.Trim(),
            ApprovalStatus = "denied",
            ApproverIdentity = rejectedBy,
            Outcome = ProposalDecision.Rejected,
            InvestigationId = item.InvestigationId,
            Details = new Dictionary<string, string>
            {
                ["proposal_id"] = proposalId.ToString(CultureInfo.InvariantCulture),
                ["from"] = item.Proposal.Current,
                ["to"] = item.Proposal.Proposed,
            },
        }, cancellationToken);
        PolicyLifecycleLog.ProposalRejected(logger, proposalId, item.Proposal.Parameter, rejectedBy);
        return new ProposalReviewResult(true, $"Proposal {proposalId} ({item.Proposal.Parameter}) rejected by {rejectedBy}.");
    }

    private async Task<ReviewItem?> FindPendingAsync(long proposalId, CancellationToken cancellationToken) =>
        (await store.ListProposalsAsync(cancellationToken)).FirstOrDefault(p => p.Id == proposalId);

    private async Task<ProposalReviewResult> NotPendingAsync(long proposalId, CancellationToken cancellationToken) =>
        await decisions.GetDecisionAsync(proposalId, cancellationToken) is { } decided
            ? new ProposalReviewResult(false, $"Proposal {proposalId} was already {decided.Status} by {decided.DecidedBy}.")
            : new ProposalReviewResult(false, $"No pending proposal {proposalId}.");

    private static bool SameNumber(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? Math.Abs(x - y) < SameValue
            : string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);

    private static void CheckPerson(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        if (name.StartsWith("policy:", StringComparison.Ordinal) || name is ReloadingPolicyProvider.StartupIdentity or ReloadingPolicyProvider.FileIdentity)
            throw new ArgumentException("A proposal is decided by a named person.", parameter);
    }
}
