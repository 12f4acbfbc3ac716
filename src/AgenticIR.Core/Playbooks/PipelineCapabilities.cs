using AgenticIR.Core.State;

namespace AgenticIR.Core.Playbooks;

/// <summary>The stages a playbook entry lets the agents run (<c>capabilities:</c> in config/playbooks.yaml), so a team can
/// start with one triage agent: <c>[triage]</c>, <c>[triage, investigation]</c>, or the full pipeline (the default).</summary>
public static class PipelineCapabilities
{
    /// <summary>Triage only.</summary>
    public const string Triage = "triage";

    /// <summary>Investigation, after triage.</summary>
    public const string Investigation = "investigation";

    /// <summary>Response planning and dispatch, documentation and learning: the rest of the pipeline.</summary>
    public const string Response = "response";

    /// <summary>Every capability, in pipeline order; an entry enables a prefix of it.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [Triage, Investigation, Response];

    /// <summary>The capability leaving <paramref name="stage"/> needs; null for stages nothing gates.</summary>
    public static string? Needed(InvestigationStage stage) => stage switch
    {
        InvestigationStage.Received => Triage,
        InvestigationStage.Triaged or InvestigationStage.Investigating => Investigation,
        InvestigationStage.Investigated or InvestigationStage.Planned or InvestigationStage.Responding or InvestigationStage.Responded => Response,
        _ => null,
    };

    /// <summary>True when the enabled capabilities (null: the full pipeline) include <paramref name="capability"/>.</summary>
    public static bool Enables(IReadOnlyList<string>? enabled, string capability) =>
        enabled is null || enabled.Contains(capability, StringComparer.Ordinal);
}
