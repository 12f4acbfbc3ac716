using AgenticIR.SoarSimulator.Catalog;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator;

/// <summary>The default app catalogue: common Splunk SOAR apps with their real action and parameter names, one asset
/// each, and demo outcomes. The data lives in <c>samples/soar/apps.json</c> (embedded at build time); edit that file,
/// or load another one with <see cref="LoadApps"/>.</summary>
public static class SimulatorCatalog
{
    private const string ResourceName = "AgenticIR.SoarSimulator.apps.json";

    /// <summary>Installs the embedded catalogue: apps, actions, assets and default outcomes.</summary>
    public static void AddDefaultApps(SplunkSoarSimulator simulator) => Apply(simulator, Default());

    /// <summary>Installs a catalogue file in the <c>apps.json</c> format.</summary>
    public static void LoadApps(SplunkSoarSimulator simulator, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Apply(simulator, CatalogFile.Parse(File.ReadAllText(path), path));
    }

    /// <summary>The embedded catalogue's app definitions, e.g. to check connector bindings against real action names.</summary>
    public static IReadOnlyList<AppDefinition> DefaultApps() => [.. Default().Apps.Select(a => a.Definition)];

    /// <summary>Asset names of the embedded catalogue, by app name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultAssets() =>
        Default().Apps.ToDictionary(a => a.Definition.Name, a => a.Assets, StringComparer.OrdinalIgnoreCase);

    private static CatalogFile Default()
    {
        using var stream = typeof(SimulatorCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return CatalogFile.Parse(reader.ReadToEnd(), "samples/soar/apps.json");
    }

    private static void Apply(SplunkSoarSimulator simulator, CatalogFile catalog)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        foreach (var app in catalog.Apps)
        {
            simulator.AddApp(app.Definition);
            foreach (var asset in app.Assets) simulator.AddAsset(asset, app.Definition.Name);
        }
        foreach (var outcome in catalog.Outcomes) simulator.SetActionOutcome(outcome);
    }
}
