namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An installed integration (a <c>configurations[]</c> item of <c>/settings/integration/search</c>).</summary>
/// <param name="Name">Integration id, which instances name as their <c>brand</c>.</param>
/// <param name="Display">Display name.</param>
/// <param name="Commands">Declared commands (<c>integrationScript.commands</c>).</param>
internal sealed record XsoarIntegration(string Name, string? Display, IReadOnlyList<XsoarIntegrationCommand> Commands);
