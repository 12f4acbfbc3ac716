namespace AgenticIR.Worker.Commands.Status;

/// <summary>One agent's health: <c>healthy</c>, <c>stopped</c> (kill switch), <c>breaker_open</c> or <c>half_open</c>, its
/// failed stages in the health window, and why it is not healthy.</summary>
internal sealed record StatusAgent(string Agent, string State, int ErrorsInWindow, string Reason, DateTimeOffset? Since);
