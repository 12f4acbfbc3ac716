namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>One command run through <c>/entry/execute/sync</c>, as the simulator parsed it.</summary>
/// <param name="IncidentId">War room it ran in.</param>
/// <param name="Command">Command name without <c>!</c>.</param>
/// <param name="Arguments">Arguments after unquoting (without <c>using</c>).</param>
/// <param name="Instance">The integration instance that ran it, null when none could.</param>
/// <param name="Succeeded">False when the result was an error entry.</param>
public sealed record XsoarRecordedCommand(string IncidentId, string Command, IReadOnlyDictionary<string, string> Arguments, string? Instance, bool Succeeded);
