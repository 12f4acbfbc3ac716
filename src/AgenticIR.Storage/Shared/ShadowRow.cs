using System.Text.Json;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Storage.Shared;

// Dapper cannot bind the stores' Int64/text columns to the Core record, so rows land here first; lists are JSON arrays.
// Flags are 0/1 integers (PostgreSQL casts its booleans to and from them in the statements).
internal sealed class ShadowRow
{
    public string Instance { get; set; } = "";
    public string ContainerId { get; set; } = "";
    public string InvestigationId { get; set; } = "";
    public string Playbook { get; set; } = "";
    public string PlaybookRunsJson { get; set; } = "[]";
    public string AgentSeverity { get; set; } = "";
    public string? ContainerSeverity { get; set; }
    public long? SeverityAgreement { get; set; }
    public string AgentDisposition { get; set; } = "";
    public string? AnalystDisposition { get; set; }
    public long? DispositionAgreement { get; set; }
    public string AgentActionsJson { get; set; } = "[]";
    public string PlaybookActionsJson { get; set; } = "[]";
    public string UnmappedActionsJson { get; set; } = "[]";
    public double ActionOverlap { get; set; }
    public string ExtraFindingsJson { get; set; } = "[]";
    public string? AgentsStartedAt { get; set; }
    public string? AgentsDecidedAt { get; set; }
    public double? AgentDecisionSeconds { get; set; }
    public string? ContainerCreatedAt { get; set; }
    public string? PlaybookDecidedAt { get; set; }
    public double? PlaybookDecisionSeconds { get; set; }
    public string? ContainerStatus { get; set; }
    public string? ClosedAt { get; set; }
    public long Final { get; set; }
    public string ObservedAt { get; set; } = "";

    public static ShadowRow From(ShadowComparison c) => new()
    {
        Instance = c.Instance,
        ContainerId = c.ContainerId,
        InvestigationId = c.InvestigationId,
        Playbook = c.Playbook,
        PlaybookRunsJson = Json(c.PlaybookRuns),
        AgentSeverity = c.AgentSeverity,
        ContainerSeverity = c.ContainerSeverity,
        SeverityAgreement = Flag(c.SeverityAgreement),
        AgentDisposition = c.AgentDisposition,
        AnalystDisposition = c.AnalystDisposition,
        DispositionAgreement = Flag(c.DispositionAgreement),
        AgentActionsJson = Json(c.AgentActions),
        PlaybookActionsJson = Json(c.PlaybookActions),
        UnmappedActionsJson = Json(c.UnmappedPlaybookActions),
        ActionOverlap = c.ActionOverlap,
        ExtraFindingsJson = Json(c.ExtraFindings),
        AgentsStartedAt = Time(c.AgentsStartedAt),
        AgentsDecidedAt = Time(c.AgentsDecidedAt),
        AgentDecisionSeconds = c.AgentDecisionSeconds,
        ContainerCreatedAt = Time(c.ContainerCreatedAt),
        PlaybookDecidedAt = Time(c.PlaybookDecidedAt),
        PlaybookDecisionSeconds = c.PlaybookDecisionSeconds,
        ContainerStatus = c.ContainerStatus,
        ClosedAt = Time(c.ClosedAt),
        Final = c.Final ? 1 : 0,
        ObservedAt = StoreText.Timestamp(c.ObservedAt),
    };

    public ShadowComparison ToComparison() => new()
    {
        Instance = Instance,
        ContainerId = ContainerId,
        InvestigationId = InvestigationId,
        Playbook = Playbook,
        PlaybookRuns = List(PlaybookRunsJson),
        AgentSeverity = AgentSeverity,
        ContainerSeverity = ContainerSeverity,
        SeverityAgreement = SeverityAgreement is null ? null : SeverityAgreement != 0,
        AgentDisposition = AgentDisposition,
        AnalystDisposition = AnalystDisposition,
        DispositionAgreement = DispositionAgreement is null ? null : DispositionAgreement != 0,
        AgentActions = List(AgentActionsJson),
        PlaybookActions = List(PlaybookActionsJson),
        UnmappedPlaybookActions = List(UnmappedActionsJson),
        ActionOverlap = ActionOverlap,
        ExtraFindings = List(ExtraFindingsJson),
        AgentsStartedAt = Parse(AgentsStartedAt),
        AgentsDecidedAt = Parse(AgentsDecidedAt),
        AgentDecisionSeconds = AgentDecisionSeconds,
        ContainerCreatedAt = Parse(ContainerCreatedAt),
        PlaybookDecidedAt = Parse(PlaybookDecidedAt),
        PlaybookDecisionSeconds = PlaybookDecisionSeconds,
        ContainerStatus = ContainerStatus,
        ClosedAt = Parse(ClosedAt),
        Final = Final != 0,
        ObservedAt = StoreText.ParseTimestamp(ObservedAt),
    };

    private static long? Flag(bool? value) => value is null ? null : value.Value ? 1 : 0;

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static string[] List(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string? Time(DateTimeOffset? value) => value is null ? null : StoreText.Timestamp(value.Value);

    private static DateTimeOffset? Parse(string? value) => value is null ? null : StoreText.ParseTimestamp(value);
}
