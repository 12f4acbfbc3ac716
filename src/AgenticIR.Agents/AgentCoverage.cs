using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Response;

namespace AgenticIR.Agents;

/// <summary>Which agent takes a logical action today: the investigation agent runs the SOAR enrichment actions it opens
/// investigations with; the response orchestrator proposes the actions of its response rules, tickets, notifications and
/// asset tags. A migration audit reports a playbook's actions against this.</summary>
public static class AgentCoverage
{
    /// <summary>Compliance name of the investigation agent.</summary>
    public const string InvestigationAgent = "investigation_agent";

    /// <summary>Compliance name of the response agent.</summary>
    public const string ResponseAgent = "response_orchestrator";

    private static readonly HashSet<string> Responses =
    [
        .. ResponseRules.Table.Select(r => r.Action),
        ResponseRules.CreateTicket, ResponseRules.SendNotification, ResponseRules.TagAsset,
    ];

    private static readonly HashSet<string> Enrichments = [.. PivotRules.SoarTools];

    /// <summary>The agent that takes <paramref name="logicalAction"/>, or null when none does.</summary>
    public static string? AgentFor(string logicalAction)
    {
        ArgumentNullException.ThrowIfNull(logicalAction);
        return Enrichments.Contains(logicalAction) ? InvestigationAgent
            : Responses.Contains(logicalAction) ? ResponseAgent
            : null;
    }
}
