using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>agent_health</c> section; every key defaults to <see cref="AgentHealthPolicy.Default"/>.</summary>
internal static class AgentHealthSectionReader
{
    public static AgentHealthPolicy Read(NodeReader r, YamlMap root)
    {
        var d = AgentHealthPolicy.Default;
        if (r.OptionalMap(root, "agent_health") is not { } section) return d;
        r.AllowOnly(section, "interval_seconds", "window_minutes", "max_errors", "max_mean_latency_seconds", "cooldown_seconds");
        var interval = r.OptionalInt(section, "interval_seconds", 5, 3600);
        var window = r.OptionalInt(section, "window_minutes", 1, 1440);
        var maxErrors = r.OptionalInt(section, "max_errors", 1, 100_000);
        var latency = r.OptionalInt(section, "max_mean_latency_seconds", 1, 86_400);
        var cooldown = r.OptionalInt(section, "cooldown_seconds", 5, 86_400);
        return new AgentHealthPolicy(
            interval is { } i ? TimeSpan.FromSeconds(i) : d.Interval,
            window is { } w ? TimeSpan.FromMinutes(w) : d.Window,
            maxErrors ?? d.MaxErrors,
            latency is { } l ? TimeSpan.FromSeconds(l) : d.MaxMeanLatency,
            cooldown is { } c ? TimeSpan.FromSeconds(c) : d.Cooldown);
    }
}
