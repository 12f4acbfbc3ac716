using System.Text.RegularExpressions;
using AgenticIR.Agents.Documentation;
using AgenticIR.Testing;

namespace AgenticIR.Agents.Tests.Documentation;

public sealed partial class AttackKnowledgeTests
{
    // Every technique a vendor type table can report must read as a named technique under a tactic in the report.
    public static TheoryData<string> TableTechniques() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Mappings, "attack"), "*.yaml")
            .Where(f => Path.GetFileNameWithoutExtension(f) != "attack_technique_names")
            .SelectMany(f => TechniqueId().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(TableTechniques))]
    public void Lookup_TechniqueAVendorTableReports_HasANameAndATactic(string id)
    {
        var technique = AttackKnowledge.Lookup(id);

        Assert.NotEqual("unmapped", technique.Tactic);
        Assert.NotEqual(id, technique.Name);
        Assert.Contains(technique.Tactic, AttackKnowledge.TacticOrder);
    }

    [GeneratedRegex(@"\bT\d{4}(?:\.\d{3})?\b")]
    private static partial Regex TechniqueId();
}
