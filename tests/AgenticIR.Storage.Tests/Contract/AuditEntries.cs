using System.Globalization;
using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Tests.Contract;

internal static class AuditEntries
{
    private static readonly string[] ActionTypes = ["decision", "enrichment_query", "approval_request", "approval_answer", "action_outcome"];

    public static AuditEntry Sample(int i) => new()
    {
        AgentName = i % 2 == 0 ? "triage_agent" : "response_orchestrator",
        ActionType = ActionTypes[i % ActionTypes.Length],
        Target = $"host-{i:D3}.corp.example",
        Justification = $"step {i}: beaconing to 203.0.113.{i % 250}",
        ApprovalStatus = i % 3 == 0 ? "approved" : "auto_approved",
        ApproverIdentity = i % 3 == 0 ? "alice@corp.example" : "",
        Outcome = "success",
        EvidenceHash = new string((char)('a' + (i % 6)), 64),
        InvestigationId = i % 4 == 0 ? null : $"inv-{i % 3}",
        Details = new Dictionary<string, string> { ["step"] = i.ToString(CultureInfo.InvariantCulture), ["tool"] = "ip_connections" },
    };
}
