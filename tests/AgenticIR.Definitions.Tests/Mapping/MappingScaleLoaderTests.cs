using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Mapping;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>The strict loader on severity and confidence scales: what loads, and every mistake reported as file:line:column.</summary>
public sealed class MappingScaleLoaderTests
{
    private const string Head = "name: m\ndetect: { always: true }\nfields:\n";

    private static (MappingDefinition? Mapping, List<DefinitionError> Errors) Load(string fields, string tail = "")
    {
        var errors = new List<DefinitionError>();
        var mapping = MappingLoader.LoadFile("m.yaml", Head + fields + tail, errors);
        return (mapping, errors);
    }

    private static Severity? Read(MappingDefinition mapping, string json) =>
        SeverityResolver.Resolve(mapping.Severity, System.Text.Json.Nodes.JsonNode.Parse(json)!);

    [Fact]
    public void LoadFile_PerSourceScalesAndPickHighest_EachSourceReadsOnItsOwnScale()
    {
        var (mapping, errors) = Load("""
              severity:
                pick: highest
                from:
                  - label
                  - { path: score, ranges: [{ min: 0, max: 49, severity: low }, { min: 50, max: 100, severity: high }] }
                  - { path: state, map: { "0": unknown, "4": critical } }
                ranges:
                  - { min: 1, max: 3, severity: medium }
            """);

        Assert.Empty(errors);
        Assert.Equal(Severity.High, Read(mapping!, """{ "label": "low", "score": 70 }"""));
        Assert.Equal(Severity.Critical, Read(mapping!, """{ "label": "low", "score": 10, "state": 4 }"""));
        Assert.Equal(Severity.Low, Read(mapping!, """{ "label": "low", "state": 0 }"""));
        Assert.Null(Read(mapping!, """{ "state": 0 }"""));
    }

    [Fact]
    public void LoadFile_UnknownTargetAndPattern_ReadsOnToTheNextSource()
    {
        var (mapping, errors) = Load("""
              severity:
                from:
                  - { path: severity_id, map: { "99": unknown, "4": high } }
                  - { path: risk, pattern: 'level=([A-Za-z]+)' }
                  - severity
            """);

        Assert.Empty(errors);
        Assert.Equal(Severity.Critical, Read(mapping!, """{ "severity_id": 99, "severity": "Critical" }"""));
        Assert.Equal(Severity.Medium, Read(mapping!, """{ "severity_id": 99, "risk": "{reasons=New Device, level=MEDIUM}", "severity": "low" }"""));
        Assert.Equal(Severity.High, Read(mapping!, """{ "severity_id": 4, "severity": "low" }"""));
    }

    [Theory]
    [InlineData(3.95, Severity.Low)]
    [InlineData(4, Severity.Medium)]
    [InlineData(8.9, Severity.High)]
    [InlineData(10, Severity.Critical)]
    public void Resolve_ValueBetweenBands_TakesTheLowerBand(double value, Severity expected)
    {
        var (mapping, _) = Load("""
              severity:
                from: [severity]
                ranges:
                  - { min: 1, max: 3.9, severity: low }
                  - { min: 4, max: 6.9, severity: medium }
                  - { min: 7, max: 8.9, severity: high }
                  - { min: 9, max: 10, severity: critical }
            """);

        Assert.Equal(expected, Read(mapping!, $$"""{ "severity": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }"""));
    }

    [Fact]
    public void Resolve_ValueOffTheScale_IsNoSeverity()
    {
        var (mapping, _) = Load("  severity: { from: [severity], ranges: [{ min: 1, max: 10, severity: high }] }\n");

        Assert.Null(Read(mapping!, """{ "severity": 50 }"""));
        Assert.Null(Read(mapping!, """{ "severity": 0 }"""));
    }

    [Theory]
    [InlineData("Very-High", Severity.Critical)]
    [InlineData("SEVERITY_HIGH", Severity.High)]
    [InlineData("warning", Severity.Medium)]
    [InlineData("P4", Severity.Low)]
    [InlineData("Informational ", Severity.Informational)]
    public void Resolve_VendorSpellings_ReadAsCommonNames(string value, Severity expected)
    {
        var (mapping, _) = Load("  severity: severity\n");

        Assert.Equal(expected, Read(mapping!, $$"""{ "severity": "{{value}}" }"""));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("UnSpecified")]
    [InlineData("unknownFutureValue")]
    public void Resolve_UnknownWords_AreNoSeverity(string value)
    {
        var (mapping, _) = Load("  severity: severity\n");

        Assert.Null(Read(mapping!, $$"""{ "severity": "{{value}}" }"""));
    }

    [Fact]
    public void LoadFile_Confidence_WritesAttributeFromZeroToOne()
    {
        var (mapping, errors) = Load("""
              confidence:
                pick: highest
                from: [score, { path: verdict, map: { malicious: 0.9 } }]
                scale: 100
            """);

        Assert.Empty(errors);
        var root = System.Text.Json.Nodes.JsonNode.Parse("""{ "score": 40, "verdict": "malicious" }""")!;
        Assert.Equal(0.9, ConfidenceResolver.Resolve(mapping!.Confidence, root));
        Assert.Equal(0.4, ConfidenceResolver.Resolve(mapping.Confidence, System.Text.Json.Nodes.JsonNode.Parse("""{ "score": "40" }""")!));
    }

    [Fact]
    public void LoadFile_InvalidScales_ReportsEachWithPosition()
    {
        var (mapping, errors) = Load("""
              severity:
                pick: maximum
                from:
                  - { path: a, map: { x: severe }, pattern: '([unclosed' }
                  - { path: b, ranges: [{ min: 0, max: 50, severity: low }, { min: 40, max: 100, severity: high }] }
                  - { path: c, scale: 10 }
              confidence:
                from: [d]
                map: { high: 1.5 }
                scale: 0
            """, "\nattributes:\n  confidence: e\nsweep: sometimes\n");

        Assert.Null(mapping);
        var lines = errors.Select(e => e.ToString()).ToList();
        Assert.Contains("m.yaml:5:11: fields.severity.pick: 'maximum' is not one of: first, highest", lines);
        Assert.Contains("m.yaml:7:30: fields.severity.from[0].map.x: unknown severity 'severe'; expected informational, low, medium, high, critical, unknown", lines);
        Assert.Contains(lines, l => l.StartsWith("m.yaml:7:49: fields.severity.from[0].pattern: invalid regular expression", StringComparison.Ordinal));
        Assert.Contains("m.yaml:8:65: fields.severity.from[1].ranges[1]: range 40-100 overlaps range 0-50; a value must fall in one band", lines);
        Assert.Contains(lines, l => l.StartsWith("m.yaml:9:20: fields.severity.from[2].scale: unknown key 'scale'", StringComparison.Ordinal));
        Assert.Contains("m.yaml:12:18: fields.confidence.map.high: must be in [0, 1], got 1.5", lines);
        Assert.Contains("m.yaml:13:12: fields.confidence.scale: must be greater than 0, got 0", lines);
        Assert.Contains("m.yaml:15:3: attributes.confidence: attribute 'confidence' is written by fields.confidence; remove one of them", lines);
        Assert.Contains("m.yaml:16:8: sweep: expected true or false, got 'sometimes'", lines);
        Assert.Equal(9, lines.Count);
    }
}
