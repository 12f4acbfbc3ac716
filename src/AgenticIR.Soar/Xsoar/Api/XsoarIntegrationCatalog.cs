namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>What can be dispatched on an instance: the installed integrations and their configured instances.</summary>
internal sealed record XsoarIntegrationCatalog(IReadOnlyList<XsoarIntegration> Integrations, IReadOnlyList<XsoarIntegrationInstance> Instances);
