using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Tests.Mapping.Attack;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Mapping;

public sealed class MappingLoaderTests
{
    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.EnumerateFiles(RepoPaths.Mappings, "*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void LoadFile_ShippedMapping_HasNoErrors(string file)
    {
        var errors = new List<DefinitionError>();
        var path = Path.Combine(RepoPaths.Mappings, file);

        var mapping = MappingLoader.LoadFile(path, File.ReadAllText(path), errors, ShippedAttackTables.Tables);

        Assert.Empty(errors);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), mapping!.Name);
    }

    [Fact]
    public void TryLoad_InvalidMapping_ReportsEveryErrorWithPosition()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "mappings", "invalid");

        var ok = MappingNormalizer.TryLoad(folder, out var normalizer, out var errors);

        Assert.False(ok);
        Assert.Null(normalizer);
        var file = Path.Combine(folder, "broken_source.yaml");
        Assert.Contains(errors, e => e.File == file && e.Line == 1 && e.Field == "name" && e.Message.Contains("must match the file name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Field == "detect.any[0].path" && e.Message.Contains("invalid path", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Field == "detect.any[1].matches" && e.Message.Contains("invalid regular expression", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 7 && e.Field == "fields.titel" && e.Message.Contains("unknown key 'titel'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 11 && e.Field == "fields.severity.map.urgent" && e.Message.Contains("unknown severity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 13 && e.Field == "observables[0].type" && e.Message.Contains("unknown observable type 'ip'", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFile_SyntaxError_ReportsPositionLikeEveryOtherDefinitionFile()
    {
        var errors = new List<DefinitionError>();

        var mapping = MappingLoader.LoadFile("bad.yaml", "name: bad\ndetect: { always: true\n", errors);

        Assert.Null(mapping);
        var error = Assert.Single(errors);
        Assert.Equal(("bad.yaml", "(syntax)"), (error.File, error.Field));
        Assert.True(error.Line > 0);
        Assert.StartsWith("YAML syntax error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingDetectAndQuotedPriority_ReportsSharedReaderErrors()
    {
        var errors = new List<DefinitionError>();

        var mapping = MappingLoader.LoadFile("m.yaml", "name: m\npriority: \"5\"\n", errors);

        Assert.Null(mapping);
        Assert.Equal(
            [(1, "detect", "missing required key 'detect' (use '{ always: true }' for a catch-all mapping)"), (2, "priority", "expected an integer, got '5'")],
            errors.Select(e => (e.Line, e.Field, e.Message)));
    }

    [Fact]
    public void TryLoad_MissingFolder_FailsWithError()
    {
        var ok = MappingNormalizer.TryLoad(Path.Combine(AppContext.BaseDirectory, "no-such-folder"), out _, out var errors);

        Assert.False(ok);
        Assert.Contains("does not exist", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedMappings_ListsEveryFormat()
    {
        var normalizer = MappingNormalizer.Load(RepoPaths.Mappings);

        Assert.Contains("generic", normalizer.Formats);
        Assert.Contains("eml", normalizer.Formats);
        Assert.Equal(Directory.EnumerateFiles(RepoPaths.Mappings, "*.yaml").Count(), normalizer.Formats.Count);
    }
}
