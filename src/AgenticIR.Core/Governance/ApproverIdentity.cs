namespace AgenticIR.Core.Governance;

/// <summary>Who answers an approval, as verified by the channel (SOAR user records, or the operator at the CLI).</summary>
/// <param name="Name">User name, e.g. the SOAR user's <c>username</c>.</param>
/// <param name="Roles">Roles the channel verified for the user.</param>
/// <param name="Channel"><c>splunk_soar</c>, <c>cli</c>…</param>
public sealed record ApproverIdentity(string Name, IReadOnlyList<string> Roles, string Channel);
