namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An indicator linked to an incident (an <c>iocObjects[]</c> item of <c>/indicators/search</c>).</summary>
/// <param name="Type">XSOAR indicator type, e.g. <c>IP</c>, <c>Domain</c>, <c>File SHA-256</c>.</param>
/// <param name="Value">The indicator value.</param>
internal sealed record XsoarIndicator(string Type, string Value);
