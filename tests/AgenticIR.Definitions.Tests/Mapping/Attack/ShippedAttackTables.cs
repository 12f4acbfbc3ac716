using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Mapping.Attack;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Mapping.Attack;

/// <summary>The shipped <c>mappings/attack/*.yaml</c> tables, loaded once for the tests that look things up in them.</summary>
internal static class ShippedAttackTables
{
    private static readonly Lazy<AttackTableSet> Instance = new(() =>
    {
        var (tables, errors) = AttackTableLoader.LoadFolder(Folder);
        Assert.Empty(errors);
        return tables;
    });

    public static string Folder => Path.Combine(RepoPaths.Mappings, MappingLoader.AttackTablesFolder);

    public static AttackTableSet Tables => Instance.Value;

    public static AttackTable Table(string name) => Tables.Find(name) ?? throw new InvalidOperationException($"no shipped table '{name}'");
}
