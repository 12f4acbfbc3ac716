using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Mapping;

public sealed class SampleAlertTests
{
    private static string ExpectationsPath => Path.Combine(RepoPaths.Samples, "expectations.json");

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        if (!File.Exists(ExpectationsPath)) return data;
        using var doc = JsonDocument.Parse(File.ReadAllText(ExpectationsPath));
        foreach (var item in doc.RootElement.EnumerateArray()) data.Add(item.GetProperty("file").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Normalize_Sample_DetectsExpectedFormatAndCitesEvidence(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ExpectationsPath));
        var expectation = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        var content = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", file));

        var result = ShippedMappings.Normalizer.Normalize(new RawAlert(file, content));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expectation.GetProperty("format").GetString(), result.Alert!.SourceFormat);
        var values = result.Alert.Observables.Select(o => o.Value.ToLowerInvariant()).ToList();
        foreach (var cite in expectation.GetProperty("must_cite").EnumerateArray().Select(c => c.GetString()!.ToLowerInvariant()))
            Assert.True(values.Any(v => v.Contains(cite, StringComparison.Ordinal)), $"'{cite}' is not among the observables: {string.Join(", ", values)}");
    }
}
