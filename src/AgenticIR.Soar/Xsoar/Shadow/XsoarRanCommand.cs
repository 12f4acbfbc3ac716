namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>An integration command the playbook or an analyst ran on the incident.</summary>
/// <param name="Brand">The integration (brand) that ran it, when XSOAR says.</param>
/// <param name="Command">Command name without <c>!</c>.</param>
/// <param name="Arguments">Arguments as given on the command line (empty for a playbook task, whose inputs are not read).</param>
internal sealed record XsoarRanCommand(string? Brand, string Command, IReadOnlyDictionary<string, string> Arguments);
