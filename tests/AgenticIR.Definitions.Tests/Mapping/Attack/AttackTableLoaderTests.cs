using AgenticIR.Definitions.Mapping.Attack;

namespace AgenticIR.Definitions.Tests.Mapping.Attack;

public sealed class AttackTableLoaderTests
{
    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.EnumerateFiles(ShippedAttackTables.Folder, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void LoadFile_ShippedTable_HasNoErrorsAndCitesTheVendor(string file)
    {
        var path = Path.Combine(ShippedAttackTables.Folder, file);
        var errors = new List<DefinitionError>();

        var table = AttackTableLoader.LoadFile(path, File.ReadAllText(path), errors);

        Assert.Empty(errors);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), table!.Name);
        Assert.NotEmpty(table.Sources);
        Assert.All(table.Sources, s => Assert.StartsWith("https://", s, StringComparison.Ordinal));
        Assert.NotEmpty(table.Entries);
    }

    [Fact]
    public void LoadFile_ValidTable_KeepsTypesPrefixesAndOutcomes()
    {
        const string yaml = """
            name: t
            description: A small table.
            sources: https://docs.example.org/types
            entries:
              - { type: "Recon:EC2/Portscan", techniques: [T1046] }
              - { prefix: "CryptoCurrency:", techniques: [T1496.001] }
              - { type: user.session.start, outcome: [FAILURE, DENY], techniques: [T1110], note: "failed sign-ins only" }
            """;
        var errors = new List<DefinitionError>();

        var table = AttackTableLoader.LoadFile("t.yaml", yaml, errors);

        Assert.Empty(errors);
        Assert.Equal(
            [("reconec2portscan", false, ""), ("cryptocurrency", true, ""), ("usersessionstart", false, "failure,deny")],
            table!.Entries.Select(e => (e.Key, e.IsPrefix, string.Join(",", e.Outcomes))));
        Assert.Equal(["T1496.001"], table.Entries[1].Techniques);
    }

    [Fact]
    public void LoadFolder_NoAttackFolder_HoldsNoTablesAndNoErrors()
    {
        var (tables, errors) = AttackTableLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "no-such-folder"));

        Assert.Empty(errors);
        Assert.Empty(tables.Names);
    }

    [Fact]
    public void LoadFolder_ShippedTables_AreAllLoaded()
    {
        var (tables, errors) = AttackTableLoader.LoadFolder(ShippedAttackTables.Folder);

        Assert.Empty(errors);
        Assert.Equal(ShippedFiles().Select(f => Path.GetFileNameWithoutExtension(f.Data)), tables.Names);
    }
}
