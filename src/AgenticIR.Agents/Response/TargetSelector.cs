using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Response;

/// <summary>Picks the targets of one rule from one finding. Selectors may over-propose: the guard removes what is not allowed.</summary>
internal delegate IEnumerable<Observable> TargetSelector(Finding finding, PlanningContext context);
