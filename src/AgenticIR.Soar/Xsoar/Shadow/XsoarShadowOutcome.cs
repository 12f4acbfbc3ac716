using AgenticIR.Core.Learning;
using AgenticIR.Core.Shadow;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Shadow;

namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>The real outcome a closed XSOAR incident tells: its final severity, the analyst's close reason, and the
/// response actions taken on it (by the playbook or an analyst, and the agents' own dispatches that succeeded).</summary>
internal static class XsoarShadowOutcome
{
    /// <summary>Null while the incident is open or when it names neither a severity nor a disposition.</summary>
    public static IncidentOutcome? From(ShadowComparison comparison, InvestigationRecord record) =>
        ShadowOutcome.From(comparison, record, XsoarShadowNames.OutcomeSource);
}
