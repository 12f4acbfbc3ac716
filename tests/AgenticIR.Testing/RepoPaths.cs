namespace AgenticIR.Testing;

/// <summary>Locates the repository's folders from a test's output directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding AgenticIR.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");
    public static string Mappings => Path.Combine(Root, "mappings");
    public static string Connectors => Path.Combine(Root, "connectors");
    public static string Config => Path.Combine(Root, "config");

    /// <summary>Crafted hostile alerts (attacker-written free text) with their manifest.</summary>
    public static string HostileCorpus => Path.Combine(Root, "tests", "TestData", "hostile");

    /// <summary>The development corpus of real public alert payloads, kept in the repository so CI has it.</summary>
    public static string Corpus => Environment.GetEnvironmentVariable("AGENTICIR_CORPUS")
        ?? Path.Combine(Root, "tests", "TestData", "corpus", "dev-alerts.jsonl");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgenticIR.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AgenticIR.sln not found above " + AppContext.BaseDirectory);
    }
}
