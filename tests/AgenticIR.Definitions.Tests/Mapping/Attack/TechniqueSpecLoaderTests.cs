using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Mapping.Attack;

public sealed class TechniqueSpecLoaderTests
{
    private static (MappingDefinition? Mapping, string[] Errors) Load(string techniques)
    {
        var yaml = "name: m\ndetect: { always: true }\ntechniques:\n" + techniques;
        var errors = new List<DefinitionError>();
        var mapping = MappingLoader.LoadFile("m.yaml", yaml, errors, ShippedAttackTables.Tables);
        return (mapping, ErrorLines.Of(errors));
    }

    [Fact]
    public void LoadFile_UnknownTable_NamesTheKnownTablesAtItsPosition()
    {
        var (mapping, errors) = Load("  - { path: type, table: guardduty_types }\n");

        Assert.Null(mapping);
        var error = Assert.Single(errors);
        Assert.StartsWith("m.yaml:4:26: techniques[0].table: unknown ATT&CK table 'guardduty_types'; known: attack_technique_names, ", error, StringComparison.Ordinal);
        Assert.Contains("guardduty_finding_types", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_TableWithoutAnyTablesLoaded_SaysWhereTablesLive()
    {
        var errors = new List<DefinitionError>();

        var mapping = MappingLoader.LoadFile("m.yaml", "name: m\ndetect: { always: true }\ntechniques:\n  - { path: type, table: okta_event_types }\n", errors);

        Assert.Null(mapping);
        Assert.Equal(["m.yaml:4:26: techniques[0].table: unknown ATT&CK table 'okta_event_types'; known: none (the tables live in mappings/attack/*.yaml)"], ErrorLines.Of(errors));
    }

    [Fact]
    public void LoadFile_OutcomeWithoutTable_IsAnError()
    {
        var (mapping, errors) = Load("  - { path: technique_id, outcome: outcome.result }\n");

        Assert.Null(mapping);
        Assert.Equal(["m.yaml:4:36: techniques[0].outcome: 'outcome' qualifies a table lookup; add 'table' or remove it"], errors);
    }

    [Fact]
    public void LoadFile_BadPatternAndUnknownKey_AreReportedTogether()
    {
        var (mapping, errors) = Load("  - { path: type, table: okta_event_types, pattern: '(' }\n  - { path: type, tabel: okta_event_types }\n");

        Assert.Null(mapping);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("m.yaml:4:53: techniques[0].pattern: invalid regular expression", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("m.yaml:5:19: techniques[1].tabel: unknown key 'tabel'; did you mean 'table'?", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_PathList_MakesOneEntryPerPathSharingTheTable()
    {
        var (mapping, errors) = Load("  - { path: [eventtype, eventType], table: okta_event_types, outcome: [outcome.result, result] }\n");

        Assert.Empty(errors);
        Assert.Equal(["eventtype", "eventType"], mapping!.Techniques.Select(t => t.Path.Text));
        Assert.All(mapping.Techniques, t => Assert.Equal("okta_event_types", t.Table!.Name));
        Assert.All(mapping.Techniques, t => Assert.Equal(["outcome.result", "result"], t.Outcome!.Select(o => o.Text)));
    }
}
