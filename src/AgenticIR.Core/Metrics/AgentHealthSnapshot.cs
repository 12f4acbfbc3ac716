namespace AgenticIR.Core.Metrics;

/// <summary>One agent's health over the last heartbeat interval.</summary>
/// <param name="AgentName">e.g. <c>triage_agent</c>.</param>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>error</c>.</param>
/// <param name="LastActionTime">When the agent last finished a unit of work; null before the first.</param>
/// <param name="ProcessingTimeMs">Mean processing time over the interval (0 when idle).</param>
/// <param name="ErrorCount">Errors in the interval.</param>
/// <param name="ProcessedCount">Units of work finished in the interval.</param>
public sealed record AgentHealthSnapshot(string AgentName, string Status, DateTimeOffset? LastActionTime, double ProcessingTimeMs, int ErrorCount, long ProcessedCount);
