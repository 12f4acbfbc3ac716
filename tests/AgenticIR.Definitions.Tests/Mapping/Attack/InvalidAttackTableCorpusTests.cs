using AgenticIR.Definitions.Mapping.Attack;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Mapping.Attack;

/// <summary>Each <c>TestData/invalid/attack/&lt;case&gt;.yaml</c> must fail with exactly the errors in <c>&lt;case&gt;.expected</c>.</summary>
public sealed class InvalidAttackTableCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", "attack");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadFile_InvalidTable_ReportsThePinnedErrors(string name)
    {
        var file = Path.Combine(Folder, name + ".yaml");
        var errors = new List<DefinitionError>();

        var table = AttackTableLoader.LoadFile(file, File.ReadAllText(file), errors);

        Assert.Null(table);
        Assert.Equal(ErrorLines.Expected(Path.Combine(Folder, name + ".expected")), ErrorLines.Of(errors));
    }

    [Fact]
    public void Corpus_EveryCaseHasItsExpectedFile()
    {
        Assert.All(Cases(), c => Assert.True(File.Exists(Path.Combine(Folder, c.Data + ".expected")), c.Data));
    }
}
