namespace AgenticIR.Core.Governance;

/// <summary>An engaged (or, in history, released) kill switch.</summary>
/// <param name="Scope"><c>global</c>, <c>agent:&lt;name&gt;</c> or <c>investigation:&lt;id&gt;</c>.</param>
/// <param name="EngagedBy">Named person, or <c>policy:&lt;trigger&gt;</c> when a trigger fired.</param>
/// <param name="Reason">Why.</param>
/// <param name="EngagedAt">When.</param>
/// <param name="ReleasedBy">Who released it; null while engaged.</param>
/// <param name="ReleasedAt">When it was released; null while engaged.</param>
public sealed record KillSwitch(string Scope, string EngagedBy, string Reason, DateTimeOffset EngagedAt, string? ReleasedBy = null, DateTimeOffset? ReleasedAt = null)
{
    /// <summary>The scope that pauses everything.</summary>
    public const string Global = "global";

    /// <summary>Scope of one agent.</summary>
    public static string ForAgent(string agent) => "agent:" + agent;

    /// <summary>Scope of one investigation.</summary>
    public static string ForInvestigation(string investigationId) => "investigation:" + investigationId;
}
