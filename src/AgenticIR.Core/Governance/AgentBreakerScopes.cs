namespace AgenticIR.Core.Governance;

/// <summary>Agent breakers are kept beside the kill switches in the control store (so every worker on the store sees the
/// same state) under their own scopes: <c>breaker:&lt;agent&gt;</c> while open, <c>breaker_probe:&lt;agent&gt;</c> while
/// half-open. The health loop alone engages and releases them; a person stops an agent with <c>agent:&lt;agent&gt;</c>.</summary>
public static class AgentBreakerScopes
{
    /// <summary>Prefix of an open breaker's scope.</summary>
    public const string OpenPrefix = "breaker:";

    /// <summary>Prefix of a half-open breaker's scope.</summary>
    public const string ProbePrefix = "breaker_probe:";

    /// <summary>Who engages and releases breakers in the control store.</summary>
    public const string HealthLoop = "health:agent_health";

    /// <summary>Scope of an open breaker.</summary>
    public static string Open(string agent) => OpenPrefix + agent;

    /// <summary>Scope of a half-open breaker.</summary>
    public static string Probe(string agent) => ProbePrefix + agent;

    /// <summary>True for a breaker scope (either state), which is not a kill switch.</summary>
    public static bool IsBreaker(string scope) =>
        scope.StartsWith(OpenPrefix, StringComparison.Ordinal) || scope.StartsWith(ProbePrefix, StringComparison.Ordinal);
}
