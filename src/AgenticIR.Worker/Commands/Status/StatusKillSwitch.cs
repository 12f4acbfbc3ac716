namespace AgenticIR.Worker.Commands.Status;

/// <summary>An engaged kill switch.</summary>
internal sealed record StatusKillSwitch(string Scope, string EngagedBy, string Reason, DateTimeOffset EngagedAt);
