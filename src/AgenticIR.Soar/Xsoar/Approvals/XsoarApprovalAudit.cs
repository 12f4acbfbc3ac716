using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>The audit record of an XSOAR answer refused before it reached the approval service (an author that is not
/// an XSOAR user, our own API user, an edited entry, an entry older than the request, a malformed command). It reads like
/// the service's own refusals (agent <c>governance</c>, action type <c>approval_answer</c>, outcome <c>refused</c>), so
/// <c>audit</c> queries find both.</summary>
internal static class XsoarApprovalAudit
{
    public const string AgentName = "governance";
    public const string ApprovalAnswer = "approval_answer";

    public static AuditEntry Refused(InvestigationRecord record, ResponseAction? action, string actionId, bool approve, string? author,
        string message, string instance, XsoarApprovalCandidate candidate) => new()
    {
        AgentName = AgentName,
        ActionType = ApprovalAnswer,
        InvestigationId = record.Id,
        Target = action is null ? actionId : $"{ObservableTypeNames.ToWire(action.Target.Type)}:{action.Target.Value}",
        Justification = message,
        ApprovalStatus = action is null ? "" : JsonNamingPolicy.SnakeCaseLower.ConvertName(action.ApprovalStatus.ToString()),
        ApproverIdentity = author ?? "",
        Outcome = "refused",
        Details = new Dictionary<string, string>
        {
            ["action_id"] = action?.ActionId ?? actionId,
            ["answer"] = approve ? "approve" : "deny",
            ["channel"] = XsoarApprovalNames.Channel,
            ["roles"] = "",
            ["tier"] = "",
            ["instance"] = instance,
            ["source"] = candidate.Source,
        },
    };
}
