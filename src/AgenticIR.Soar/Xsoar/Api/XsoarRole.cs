namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An XSOAR role (<c>GET /roles</c>).</summary>
internal sealed record XsoarRole(string Id, string Name);
