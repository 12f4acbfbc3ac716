using AgenticIR.Definitions.Catalog;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Catalog;

/// <summary>
/// Each folder <c>TestData/invalid/connectors/&lt;case&gt;/</c> must fail with exactly the errors in <c>&lt;case&gt;.expected</c>.
/// An optional <c>&lt;case&gt;.gated</c> lists, one per line, the actions the policy's approval gates name for that case.
/// </summary>
public sealed class InvalidCatalogCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", "connectors");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryLoad_InvalidConnectors_ReportsThePinnedErrors(string name)
    {
        var gatedFile = Path.Combine(Folder, name + ".gated");
        var gated = File.Exists(gatedFile) ? File.ReadAllLines(gatedFile).Where(l => l.Length > 0) : null;

        var (catalog, errors) = ActionCatalog.TryLoad(Path.Combine(Folder, name), gated);

        Assert.Null(catalog);
        Assert.Equal(ErrorLines.Expected(Path.Combine(Folder, name + ".expected")), ErrorLines.Of(errors));
    }
}
