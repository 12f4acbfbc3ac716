namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>A playbook of the instance's library, as <c>POST /playbook/search</c> lists it (the <c>Playbook</c> of the
/// Swagger: <c>id</c>, <c>name</c>, <c>hidden</c>; <c>deprecated</c> is the flag content scripts filter on with
/// <c>deprecated:F</c>).</summary>
/// <param name="Id">The id incidents name in <c>playbookId</c>.</param>
/// <param name="Name">The name people see.</param>
/// <param name="Hidden">Hidden from the playbook library: it cannot be picked for an incident type or an incident.</param>
/// <param name="Deprecated">Marked deprecated by its content pack.</param>
internal sealed record XsoarPlaybook(string Id, string Name, bool Hidden, bool Deprecated);
