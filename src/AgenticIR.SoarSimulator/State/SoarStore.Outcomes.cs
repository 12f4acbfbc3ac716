using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    private readonly List<ActionOutcome> _outcomes = [];

    public void SetOutcome(ActionOutcome outcome)
    {
        lock (_gate) _outcomes.Add(outcome);
    }

    /// <summary>The outcome for one parameter set: a matching parameter-specific rule, else an (app, action) rule, else
    /// success. The last rule set wins among equals.</summary>
    private ActionOutcome OutcomeLocked(string app, string action, JsonObject parameters)
    {
        bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        var candidates = _outcomes.Where(o => Same(o.App, app) && Same(o.Action, action)).Reverse().ToList();
        return candidates.FirstOrDefault(o => o.ParameterName is not null
                   && Same(Json.Text(parameters[o.ParameterName]), o.ParameterValue))
               ?? candidates.FirstOrDefault(o => o.ParameterName is null)
               ?? new ActionOutcome { App = app, Action = action };
    }

    private static JsonObject ResultItem(ActionOutcome outcome, JsonObject parameters)
    {
        var failed = outcome.Status == "failed";
        return new JsonObject
        {
            ["status"] = failed ? "failed" : "success",
            ["message"] = outcome.Message ?? (failed ? "Action failed" : "Action completed successfully"),
            ["parameter"] = parameters.DeepClone(),
            ["summary"] = outcome.Summary?.DeepClone() ?? new JsonObject(),
            ["data"] = outcome.Data?.DeepClone() ?? new JsonArray(),
        };
    }
}
