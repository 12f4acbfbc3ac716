namespace AgenticIR.Core.Catalog;

/// <summary>How a logical action runs on Splunk SOAR: one app action on one or more assets, taken from the app's own
/// action definition (see <see cref="Provenance"/>).</summary>
public sealed record SplunkSoarBinding
{
    /// <summary>App name as installed, e.g. <c>Palo Alto Networks Firewall</c>.</summary>
    public required string App { get; init; }

    /// <summary>App action name, e.g. <c>block ip</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Asset names to run on; empty means the asset configured for the app on the instance.</summary>
    public IReadOnlyList<string> Assets { get; init; } = [];

    /// <summary>Action parameters: literals or <c>${inputs.target}</c>-style references to the action's own target only.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Where the action definition came from (app repository, file, commit or doc URL).</summary>
    public required string Provenance { get; init; }

    /// <summary>For enrichment actions: how to read <c>app_run.result_data</c> into findings; null for others.</summary>
    public ResultParsing? Results { get; init; }
}
