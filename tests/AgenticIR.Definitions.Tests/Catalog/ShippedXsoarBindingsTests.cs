using AgenticIR.Core.Response;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Testing;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Tests.Catalog;

/// <summary>
/// Every shipped connector says how it runs on Cortex XSOAR, and every binding matches the command signature recorded
/// from the integration's YAML in <c>TestData/xsoar/integration-commands.yaml</c> (read offline, pinned to a commit).
/// </summary>
public sealed class ShippedXsoarBindingsTests
{
    private static readonly Lazy<IReadOnlyList<RecordedIntegration>> Recorded = new(ReadRecorded);

    [Fact]
    public void Load_ShippedFolder_EveryActionHasAnXsoarBindingOrAReason()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.All(catalog.All, a =>
        {
            Assert.True(a.Xsoar is not null ^ a.XsoarUnsupported is not null, $"{a.Name} needs exactly one of an xsoar binding or an unsupported reason");
            if (a.XsoarUnsupported is { } reason) Assert.Contains("XSOAR", reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Load_ShippedFolder_EveryXsoarBindingIsTargetedAndPinnedToAnIntegrationYaml()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.All(catalog.All.Where(a => a.Xsoar is not null), a =>
        {
            var binding = a.Xsoar!;
            Assert.True(XsoarSource.TryParse(binding.Provenance, out var source), $"{a.Name}: {binding.Provenance}");
            Assert.Equal("demisto/content", source.Repository);
            Assert.Matches(@"^Packs/[^/]+/Integrations/[^/]+/[^/]+\.yml$", source.Path);
            Assert.Equal(binding.Command, source.Command);
            Assert.Equal(a.Kind != ActionKind.Notification, binding.Arguments.Values.Contains(TargetTemplate.Target));
        });
    }

    [Fact]
    public void Load_ShippedFolder_EveryXsoarBindingMatchesTheRecordedCommandSignature()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.All(catalog.All.Where(a => a.Xsoar is not null), a =>
        {
            var binding = a.Xsoar!;
            Assert.True(XsoarSource.TryParse(binding.Provenance, out var source));
            var file = Recorded.Value.SingleOrDefault(r => r.Source == $"{source.Repository}:{source.Path}@{source.Commit}");
            Assert.True(file is not null, $"{a.Name}: no recorded signatures for {binding.Provenance}");
            Assert.Equal(file.Integration, binding.Integration);
            Assert.True(file.Commands.TryGetValue(binding.Command, out var command), $"{a.Name}: '{binding.Command}' is not recorded for {file.Integration}");

            Assert.All(binding.Arguments.Keys, name => Assert.Contains(name, command.Arguments));
            Assert.All(command.Required, name => Assert.True(binding.Arguments.ContainsKey(name), $"{a.Name}: required argument '{name}' of {binding.Command} is not set"));
            if (binding.Results is { } results)
            {
                Assert.Contains(results.VerdictPath, command.Outputs);
                Assert.All(results.Facts.Values, path => Assert.Contains(path, command.Outputs));
            }
        });
    }

    [Fact]
    public void Load_ShippedFolder_EveryXsoarRollbackRunsOnTheSameIntegration()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.All(catalog.All.Where(a => a.Xsoar is not null && a.RollbackAction is not null), a =>
        {
            var rollback = catalog.Find(a.RollbackAction!)!.Xsoar;
            Assert.NotNull(rollback);
            Assert.Equal(a.Xsoar!.Integration, rollback.Integration);
        });
    }

    [Fact]
    public void Load_ShippedFolder_EnrichmentVerdictsUseNumericOrTextThresholdsTheLoaderAccepts()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        var scored = catalog.All.Where(a => a.Xsoar?.Results?.VerdictPath == "DBotScore.Score").ToList();

        // DBotScore is 0 unknown, 1 good, 2 suspicious, 3 bad in every XSOAR reputation command.
        Assert.NotEmpty(scored);
        Assert.All(scored, a => Assert.Equal((3.0, 2.0), (a.Xsoar!.Results!.MaliciousAtOrAbove, a.Xsoar.Results.SuspiciousAtOrAbove)));
    }

    private static List<RecordedIntegration> ReadRecorded()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "TestData", "xsoar", "integration-commands.yaml"))) stream.Load(reader);
        var list = new List<RecordedIntegration>();
        foreach (var item in ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>())
        {
            var commands = new Dictionary<string, RecordedCommand>(StringComparer.Ordinal);
            foreach (var (key, value) in (YamlMappingNode)item.Children[new YamlScalarNode("commands")])
            {
                var command = (YamlMappingNode)value;
                commands[((YamlScalarNode)key).Value!] = new RecordedCommand(Names(command, "arguments"), Names(command, "required"), Names(command, "outputs"));
            }
            list.Add(new RecordedIntegration(Scalar(item, "integration"), Scalar(item, "source"), commands));
        }
        return list;
    }

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    private static string[] Names(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? [.. ((YamlSequenceNode)node).Children.Select(n => ((YamlScalarNode)n).Value!)]
            : [];

    private sealed record RecordedIntegration(string Integration, string Source, IReadOnlyDictionary<string, RecordedCommand> Commands);

    private sealed record RecordedCommand(string[] Arguments, string[] Required, string[] Outputs);
}
