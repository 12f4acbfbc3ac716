using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Response;

namespace AgenticIR.Governance.Approvals;

/// <summary>Names governance writes into the audit trail, so records of one kind always read the same.</summary>
public static class GovernanceAudit
{
    /// <summary>Agent name on governance records.</summary>
    public const string AgentName = "governance";

    /// <summary>A pending action was put to approvers.</summary>
    public const string ApprovalRequest = "approval_request";

    /// <summary>Someone answered (accepted or refused).</summary>
    public const string ApprovalAnswer = "approval_answer";

    /// <summary>Nobody answered in time and the policy's timeout behaviour acted.</summary>
    public const string ApprovalTimeout = "approval_timeout";

    /// <summary>The audit record of an answer that was accepted (from any channel).</summary>
    public static AuditEntry AnswerEntry(string investigationId, ResponseAction action, ApprovalAnswer answer, IReadOnlyDictionary<string, string> details)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(answer);
        return new AuditEntry
        {
            AgentName = AgentName,
            ActionType = ApprovalAnswer,
            InvestigationId = investigationId,
            Target = TargetOf(action.Target),
            Justification = answer.Reason ?? action.Justification,
            ApprovalStatus = StatusName(answer.Decision),
            ApproverIdentity = answer.Approver,
            Outcome = answer.Decision switch
            {
                ApprovalStatus.Approved => "approved",
                ApprovalStatus.Denied => "denied",
                _ => "timed out",
            },
            Details = details,
        };
    }

    /// <summary>Target as <c>type:value</c>, e.g. <c>ipv4:203.0.113.7</c>.</summary>
    public static string TargetOf(Observable target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{ObservableTypeNames.ToWire(target.Type)}:{target.Value}";
    }

    /// <summary>snake_case name of an approval status, as the state JSON writes it.</summary>
    public static string StatusName(ApprovalStatus status) => Wire(status);

    /// <summary>snake_case name of any enum value.</summary>
    public static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
