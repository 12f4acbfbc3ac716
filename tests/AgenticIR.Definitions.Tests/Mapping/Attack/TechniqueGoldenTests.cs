using System.Text.Json;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Tests.Mapping.Attack;

/// <summary>
/// Each <c>TestData/techniques/&lt;mapping&gt;/&lt;case&gt;.json</c> is a real payload shape (most trimmed from the development
/// corpus); <c>&lt;case&gt;.expected.json</c> names the mapping that must take it and the techniques its fields report.
/// </summary>
public sealed class TechniqueGoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "techniques");

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_PayloadShape_ReportsTheTechniquesItsFieldsName(string relative)
    {
        var path = Path.Combine(Folder, relative);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")));

        var result = ShippedMappings.Normalizer.Normalize(new RawAlert(relative, File.ReadAllText(path)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected.RootElement.GetProperty("format").GetString(), result.Alert!.SourceFormat);
        Assert.Equal(
            expected.RootElement.GetProperty("techniques").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal),
            result.Alert.SourceTechniques.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Corpus_EveryCaseHasItsExpectedFile()
    {
        Assert.All(Cases(), c => Assert.True(File.Exists(Path.ChangeExtension(Path.Combine(Folder, c.Data), ".expected.json")), c.Data));
    }
}
