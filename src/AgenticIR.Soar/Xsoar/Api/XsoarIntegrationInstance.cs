namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>A configured integration instance (an <c>instances[]</c> item of <c>/settings/integration/search</c>); its
/// name is what <c>using=</c> pins a command to.</summary>
internal sealed record XsoarIntegrationInstance(string Name, string Brand, bool Enabled);
