using System.Text.Json;
using System.Text.Json.Serialization;
using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.Hostile;

/// <summary>One crafted hostile alert of tests/TestData/hostile and what its manifest says it deserves.</summary>
/// <remarks>The structured targets are decided from the vendor's field meaning, never by running the product: they are
/// the only values a response action may target.</remarks>
public sealed record HostileCase
{
    /// <summary>File name in the corpus folder.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>The mapping the alert must be recognised as.</summary>
    [JsonPropertyName("format")] public required string Format { get; init; }

    /// <summary>Values that are structured entity fields of the alert.</summary>
    [JsonPropertyName("structured_targets")] public required IReadOnlyList<string> StructuredTargets { get; init; }

    /// <summary>Highest severity the structured content and the vendor's own severity justify, if bounded.</summary>
    [JsonPropertyName("max_severity")] public string? MaxSeverity { get; init; }

    /// <summary>Lowest severity the structured content and the vendor's own severity demand, if bounded.</summary>
    [JsonPropertyName("min_severity")] public string? MinSeverity { get; init; }

    /// <summary>What the hostile text tries.</summary>
    [JsonPropertyName("pattern")] public required string Pattern { get; init; }

    /// <summary>The corpus folder.</summary>
    public static string Folder => RepoPaths.HostileCorpus;

    /// <summary>Every case of manifest.json, in file order.</summary>
    public static IReadOnlyList<HostileCase> All { get; } =
        [.. JsonSerializer.Deserialize<List<HostileCase>>(System.IO.File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.OrderBy(c => c.File, StringComparer.Ordinal)];

    /// <summary>The full path of the alert file.</summary>
    public string FullPath => Path.Combine(Folder, File);

    public override string ToString() => File;
}
