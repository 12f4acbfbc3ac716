namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The CEF key an observable is written under and the SOAR "contains" types that make it actionable.</summary>
/// <param name="Key">CEF key, e.g. <c>sourceAddress</c>.</param>
/// <param name="Types">Contains types, e.g. <c>["ip"]</c>.</param>
internal sealed record CefField(string Key, IReadOnlyList<string> Types);
