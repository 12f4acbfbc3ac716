namespace AgenticIR.Worker.Hosting;

/// <summary>The absolute paths the worker uses, resolved once from <see cref="WorkerOptions"/>.</summary>
public sealed record ResolvedPaths(string Home, string Policy, string Mappings, string Connectors, string Context, string Database, string Reports)
{
    /// <summary>SOAR instances (config/soar.yaml beside the policy); a missing file means no SOAR.</summary>
    public string Soar { get; init; } = Path.Combine(Path.GetDirectoryName(Policy) ?? Home, "soar.yaml");

    /// <summary>Per-playbook modes (config/playbooks.yaml beside the policy).</summary>
    public string Playbooks { get; init; } = Path.Combine(Path.GetDirectoryName(Policy) ?? Home, "playbooks.yaml");

    /// <summary>Language-model endpoint (config/llm.yaml beside the policy); a missing file means none from a file.</summary>
    public string Llm { get; init; } = Path.Combine(Path.GetDirectoryName(Policy) ?? Home, "llm.yaml");

    /// <summary>Resolves defaults: home is the nearest folder above the working directory with a policy, else the install folder.</summary>
    public static ResolvedPaths From(WorkerOptions options)
    {
        var home = Path.GetFullPath(options.Home ?? FindHome());
        return new ResolvedPaths(
            home,
            Full(options.PolicyPath, home, "config", "governance.yaml"),
            Full(options.MappingsPath, home, "mappings"),
            Full(options.ConnectorsPath, home, "connectors"),
            Full(options.ContextPath, home, "samples", "data"),
            Path.GetFullPath(options.DatabasePath),
            Path.GetFullPath(options.ReportsPath));
    }

    private static string Full(string? given, string home, params string[] parts) =>
        Path.GetFullPath(given ?? Path.Combine([home, .. parts]));

    private static string FindHome()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "config", "governance.yaml"))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
