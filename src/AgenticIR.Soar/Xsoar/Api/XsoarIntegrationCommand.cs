namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>A command an integration declares, with its argument names.</summary>
internal sealed record XsoarIntegrationCommand(string Name, IReadOnlyList<string> Arguments);
