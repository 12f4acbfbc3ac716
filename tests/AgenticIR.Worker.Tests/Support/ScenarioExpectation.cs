using System.Text.Json;
using System.Text.Json.Serialization;
using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.Support;

/// <summary>An analyst's expectation for one sample (samples/expectations.json).</summary>
public sealed record ScenarioExpectation
{
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("family")] public string Family { get; init; } = "";
    [JsonPropertyName("format")] public string Format { get; init; } = "";
    [JsonPropertyName("min_severity")] public required string MinSeverity { get; init; }
    [JsonPropertyName("max_severity")] public required string MaxSeverity { get; init; }
    [JsonPropertyName("must_cite")] public IReadOnlyList<string> MustCite { get; init; } = [];
    [JsonPropertyName("expect_containment")] public bool ExpectContainment { get; init; }
    [JsonPropertyName("forbid_containment")] public bool ForbidContainment { get; init; }
    [JsonPropertyName("duplicate_group")] public string? DuplicateGroup { get; init; }
    [JsonPropertyName("campaign")] public string? Campaign { get; init; }
    [JsonPropertyName("expected_techniques")] public IReadOnlyList<string> ExpectedTechniques { get; init; } = [];

    public static IReadOnlyList<ScenarioExpectation> All { get; } =
        JsonSerializer.Deserialize<List<ScenarioExpectation>>(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Samples, "expectations.json")))!;

    public override string ToString() => File;
}
