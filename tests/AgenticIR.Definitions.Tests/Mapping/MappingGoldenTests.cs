using System.Text.Json;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>
/// Golden cases: <c>TestData/mappings/&lt;format&gt;/&lt;case&gt;.json</c> (or <c>.eml</c>), small real shapes taken from the
/// development corpus and vendor documentation, each with <c>&lt;case&gt;.expected.json</c>: the mapping that must
/// recognise it, the vendor severity it must read, the confidence attribute, observables that must be present (with
/// their origin and role) and values that must not be observables (Message-IDs, versions, placeholders).
/// </summary>
public sealed class MappingGoldenTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "mappings");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".expected.json", StringComparison.Ordinal) || !(file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".eml", StringComparison.Ordinal))) continue;
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_GoldenCase_ReadsVendorSeverityAndObservables(string relative)
    {
        var path = Path.Combine(Root, relative);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, null) + ".expected.json"));
        var want = expected.RootElement;

        var result = ShippedMappings.Normalizer.Normalize(new RawAlert(relative, File.ReadAllText(path)));

        Assert.True(result.Succeeded, result.Error);
        var alert = result.Alert!;
        var seen = string.Join("\n", alert.Observables.Select(o => $"{ObservableTypeNames.ToWire(o.Type)} {o.Value} role={o.Role} origin={o.Origin}"));
        Assert.Equal(want.GetProperty("format").GetString(), alert.SourceFormat);
        Assert.Equal(want.GetProperty("source_severity").GetString(), alert.SourceSeverity?.ToWire());
        if (want.TryGetProperty("confidence", out var confidence))
            Assert.Equal(confidence.GetString(), alert.Attributes.GetValueOrDefault("confidence"));
        foreach (var item in want.GetProperty("observables").EnumerateArray())
        {
            Assert.True(ObservableTypeNames.TryParse(item.GetProperty("type").GetString()!, out var type));
            var value = item.GetProperty("value").GetString()!;
            var found = alert.Observables.FirstOrDefault(o => o.Type == type && o.Value.Equals(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is not null, $"missing {ObservableTypeNames.ToWire(type)} {value}; found:\n{seen}");
            if (item.TryGetProperty("origin", out var origin))
                Assert.True(Enum.Parse<ObservableOrigin>(origin.GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true) == found.Origin, $"{value}: origin {found.Origin}");
            if (item.TryGetProperty("role", out var role)) Assert.True(role.GetString() == found.Role, $"{value}: role {found.Role}");
        }
        if (!want.TryGetProperty("absent", out var absent)) return;
        foreach (var value in absent.EnumerateArray().Select(a => a.GetString()!))
            Assert.False(alert.Observables.Any(o => o.Value.Contains(value, StringComparison.OrdinalIgnoreCase)), $"'{value}' must not be an observable; found:\n{seen}");
    }
}
