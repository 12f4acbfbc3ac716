using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.State;

/// <summary>One validated target of an action run: the app, its assets and the parameter sets.</summary>
internal sealed record ResolvedTarget(JsonObject App, IReadOnlyList<JsonObject> Assets, IReadOnlyList<JsonObject> ParameterSets);
