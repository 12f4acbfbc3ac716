using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Decides each planned action's initial approval status. The default applies the policy's gates and the
/// severity's autonomy limit; the governance layer (breakers, kill switch, protected targets) replaces it.</summary>
public interface IActionGate
{
    /// <summary>Returns the plan with approval statuses set.</summary>
    Task<ResponsePlan> ApplyAsync(InvestigationRecord investigation, ResponsePlan plan, CancellationToken cancellationToken);
}
