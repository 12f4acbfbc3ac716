using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;

namespace AgenticIR.Agents.Response;

/// <summary>The guard's answer: the catalog entry and target to use, or why the proposal was dropped.</summary>
internal sealed record GuardResult(ActionDefinition? Definition, Observable? Target, string? DropReason)
{
    public bool Allowed => DropReason is null;

    public static GuardResult Drop(string reason) => new(null, null, reason);
}
