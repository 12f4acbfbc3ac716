using AgenticIR.Core.State;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>Everything one XSOAR comparison reads: the agents' side from the state store; the incident, its playbook's
/// task states and its war-room entries from XSOAR.</summary>
internal sealed record XsoarShadowInputs
{
    public required string Instance { get; init; }
    public required InvestigationRecord Investigation { get; init; }
    public required IReadOnlyList<StageEvent> StageEvents { get; init; }
    public required XsoarIncident Incident { get; init; }
    public XsoarPlaybookState? Playbook { get; init; }
    public required IReadOnlyList<XsoarEntry> Entries { get; init; }

    /// <summary>The user our API key belongs to: commands it ran are the agents' own dispatches, not the playbook's.</summary>
    public required string ApiUser { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }
}
