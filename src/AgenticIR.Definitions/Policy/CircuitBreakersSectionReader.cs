using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>circuit_breakers.global</c> (per-hour limits) and <c>circuit_breakers.per_investigation</c> (budgets).</summary>
internal static class CircuitBreakersSectionReader
{
    private const int MaxLimit = 1_000_000;

    public static CircuitBreakers? Read(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "circuit_breakers") is not { } section) return null;
        r.AllowOnly(section, "global", "per_investigation");
        var global = r.RequireMap(section, "global") is { } g ? ReadGlobal(r, g) : null;
        var budget = r.RequireMap(section, "per_investigation") is { } p ? ReadBudget(r, p) : null;
        return global is null || budget is null ? null : new CircuitBreakers(global, budget);
    }

    private static GlobalLimits? ReadGlobal(NodeReader r, YamlMap map)
    {
        r.AllowOnly(map, "max_actions_per_hour", "max_critical_actions_per_hour", "max_endpoints_isolated_per_hour", "max_users_disabled_per_hour");
        var actions = r.RequireInt(map, "max_actions_per_hour", 0, MaxLimit);
        var critical = r.RequireInt(map, "max_critical_actions_per_hour", 0, MaxLimit);
        var endpoints = r.RequireInt(map, "max_endpoints_isolated_per_hour", 0, MaxLimit);
        var users = r.RequireInt(map, "max_users_disabled_per_hour", 0, MaxLimit);
        if (actions is null || critical is null || endpoints is null || users is null) return null;
        if (critical > actions)
        {
            r.Error(map.Get("max_critical_actions_per_hour"), map.FieldOf("max_critical_actions_per_hour"),
                $"must not exceed max_actions_per_hour ({actions}), got {critical}");
        }
        return new GlobalLimits(actions.Value, critical.Value, endpoints.Value, users.Value);
    }

    private static InvestigationBudget? ReadBudget(NodeReader r, YamlMap map)
    {
        r.AllowOnly(map, "max_steps", "max_duration_minutes", "max_api_calls", "max_response_actions");
        var steps = r.RequireInt(map, "max_steps", 1, 1000);
        var minutes = r.RequireInt(map, "max_duration_minutes", 1, 10_080);
        var calls = r.RequireInt(map, "max_api_calls", 1, MaxLimit);
        var actions = r.RequireInt(map, "max_response_actions", 0, 1000);
        return steps is null || minutes is null || calls is null || actions is null
            ? null
            : new InvestigationBudget(steps.Value, minutes.Value, calls.Value, actions.Value);
    }
}
