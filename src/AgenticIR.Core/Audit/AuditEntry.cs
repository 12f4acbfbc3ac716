namespace AgenticIR.Core.Audit;

/// <summary>What a caller records in the audit trail; the log adds the sequence, time and hash chain.
/// Field names follow the policy's <c>audit_trail.fields_required</c>.</summary>
public sealed record AuditEntry
{
    /// <summary>Who decided: an agent (<c>triage_agent</c>, <c>response_orchestrator</c>…), <c>governance</c>, or an operator.</summary>
    public required string AgentName { get; init; }

    /// <summary>What happened, e.g. <c>decision</c>, <c>enrichment_query</c>, <c>approval_request</c>, <c>approval_answer</c>,
    /// <c>policy_change</c>, <c>action_outcome</c>, <c>circuit_breaker</c>, <c>kill_switch</c>.</summary>
    public required string ActionType { get; init; }

    /// <summary>What it was done to (an observable, an action id, a policy file); empty when not applicable.</summary>
    public string Target { get; init; } = "";

    /// <summary>Why.</summary>
    public string Justification { get; init; } = "";

    /// <summary>Approval status at the time, e.g. <c>auto_approved</c>, <c>pending</c>, <c>approved</c>; empty when not applicable.</summary>
    public string ApprovalStatus { get; init; } = "";

    /// <summary>Who approved or answered; empty when nobody did.</summary>
    public string ApproverIdentity { get; init; } = "";

    /// <summary>Result, e.g. <c>success</c>, <c>failed</c>, <c>refused</c>, <c>held</c>.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>SHA-256 (hex) of the evidence the decision rests on; empty when there is none.</summary>
    public string EvidenceHash { get; init; } = "";

    /// <summary>Investigation concerned, if any.</summary>
    public string? InvestigationId { get; init; }

    /// <summary>Further facts as text (ids, counts); never secrets or raw alert payloads.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
