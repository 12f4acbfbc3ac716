namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>A task of the playbook attached to a seeded incident.</summary>
/// <param name="Name">Task name, e.g. <c>Approve containment</c>.</param>
/// <param name="State"><c>New</c>, <c>Waiting</c>, <c>Completed</c>, <c>Error</c>…</param>
/// <param name="ScriptId">Command the task ran (<c>Panorama|||pan-os-block-ip</c>); null for a manual task.</param>
public sealed record XsoarSeedTask(string Name, string State, string? ScriptId = null);
