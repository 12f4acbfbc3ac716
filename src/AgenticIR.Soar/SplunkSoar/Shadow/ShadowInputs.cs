using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>Everything one comparison reads: the agents' side from the state store, the playbook's and analyst's side from the SOAR.</summary>
internal sealed record ShadowInputs
{
    public required InvestigationRecord Investigation { get; init; }
    public required IReadOnlyList<StageEvent> StageEvents { get; init; }
    public required SoarContainer Container { get; init; }
    public SoarArtifact? VerdictArtifact { get; init; }
    public required IReadOnlyList<SoarPlaybookRun> PlaybookRuns { get; init; }
    public required IReadOnlyList<SoarActionRun> ActionRuns { get; init; }
    public required IReadOnlyList<SoarApp> Apps { get; init; }
    public required string DispositionField { get; init; }
    public required DateTimeOffset ObservedAt { get; init; }
}
