using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Model;

/// <summary>An accepted <c>POST /rest/action_run</c>: the id it got and the body as sent.</summary>
public sealed record RecordedActionRun(long Id, JsonObject Body, DateTimeOffset ReceivedAt);
