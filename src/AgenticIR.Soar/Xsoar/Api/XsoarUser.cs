namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An XSOAR user and the names of its roles.</summary>
internal sealed record XsoarUser(string Id, string? Name, string? Email, IReadOnlyList<string> Roles);
