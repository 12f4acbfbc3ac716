using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;

namespace AgenticIR.Storage;

/// <summary>The policy-version history and the proposal decisions, kept by one store.</summary>
internal sealed record PolicyVersionPorts(IPolicyVersionStore Versions, IProposalDecisionStore Decisions);
