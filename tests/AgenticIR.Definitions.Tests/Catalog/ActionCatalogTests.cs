using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Definitions.Tests.Yaml;
using AgenticIR.Definitions.Yaml;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Catalog;

public sealed class ActionCatalogTests
{
    public static TheoryData<string> ShippedConnectorFiles() =>
        [.. Directory.GetFiles(RepoPaths.Connectors, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedConnectorFiles))]
    public void Read_ShippedConnectorFile_HasNoErrors(string fileName)
    {
        var path = Path.Combine(RepoPaths.Connectors, fileName);
        var reader = new NodeReader(path);

        var entry = ConnectorFileReader.Read(path, reader);

        Assert.Empty(ErrorLines.Of(reader.Errors));
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), entry!.Action.Name);
    }

    [Fact]
    public void Load_ShippedFolder_ServesEveryFileByName()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.Equal(ShippedConnectorFiles().Count, catalog.All.Count);
        var blockIp = catalog.Find("block_ip")!;
        Assert.Equal((ActionKind.Containment, true, "unblock_ip"), (blockIp.Kind, blockIp.Reversible, blockIp.RollbackAction));
        Assert.Equal([ObservableType.Ipv4, ObservableType.Ipv6], blockIp.TargetTypes);
        Assert.Equal(TimeSpan.FromSeconds(30), blockIp.ExpectedDuration);
        Assert.Equal(Path.Combine(RepoPaths.Connectors, "block_ip.yaml"), blockIp.SourceFile);
        Assert.Null(catalog.Find("no_such_action"));
    }

    [Fact]
    public void Load_ShippedFolder_EveryRollbackUndoesWithinTheCatalogAndTargetsOverlap()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.All(catalog.All.Where(a => a.RollbackAction is not null), a =>
        {
            var rollback = catalog.Find(a.RollbackAction!);
            Assert.NotNull(rollback);
            Assert.NotEmpty(a.TargetTypes.Intersect(rollback.TargetTypes));
        });
    }

    [Fact]
    public void Load_ShippedFolder_HasThePlannersActions()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);
        string[] wanted =
        [
            "block_url", "block_hash", "reset_password", "delete_email", "quarantine_file", "remove_persistence",
            "restrict_s3_bucket_public_access", "disable_access_key", "restore_from_backup", "reimage_endpoint",
            "ip_reputation", "domain_reputation", "url_reputation", "file_reputation", "user_lookup", "hunt_hash",
        ];

        Assert.All(wanted, name => Assert.NotNull(catalog.Find(name)));
        Assert.Equal([ObservableType.CloudResource], catalog.Find("restrict_s3_bucket_public_access")!.TargetTypes);
    }

    [Fact]
    public void TryLoad_MissingFolder_ReportsIt()
    {
        var (catalog, errors) = ActionCatalog.TryLoad(Path.Combine(AppContext.BaseDirectory, "no-such-connectors"));

        Assert.Null(catalog);
        Assert.Equal("connectors folder not found", Assert.Single(errors).Message);
    }

    [Fact]
    public void From_DuplicateNames_Throws()
    {
        var action = new ActionDefinition
        {
            Name = "block_ip", Description = "d", Kind = ActionKind.Containment, Reversible = false,
            TargetTypes = [ObservableType.Ipv4], ExpectedDuration = TimeSpan.FromSeconds(1),
        };

        Assert.Throws<ArgumentException>(() => ActionCatalog.From([action, action]));
        Assert.Same(action, ActionCatalog.From([action]).Find("block_ip"));
    }

    [Fact]
    public void TryLoad_SplunkSoarBinding_MapsEveryKey()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("c/ip_reputation.yaml", """
            name: ip_reputation
            description: Reputation of an IP address.
            kind: enrichment
            reversible: true
            target_types: [ipv4]
            expected_duration_seconds: 10
            platforms:
              splunk_soar:
                app: VirusTotal v3
                action: ip reputation
                assets: [vt-primary]
                parameters: { ip: "${target}", verbose: true, limit: 5 }
                source: splunk-soar-connectors/virustotalv3:README.md@abc (action "ip reputation")
                results:
                  verdict: data.0.attributes.last_analysis_stats.malicious
                  malicious_at_or_above: 3
                  suspicious_at_or_above: 1
                  facts: { country: data.0.attributes.country }
            """);

        var (catalog, errors) = ActionCatalog.TryLoad(Path.Combine(scratch.Path, "c"));

        Assert.Empty(ErrorLines.Of(errors));
        var binding = catalog!.Find("ip_reputation")!.SplunkSoar!;
        Assert.Equal(("VirusTotal v3", "ip reputation"), (binding.App, binding.Action));
        Assert.Equal(["vt-primary"], binding.Assets);
        Assert.Equal(new Dictionary<string, string> { ["ip"] = "${target}", ["verbose"] = "true", ["limit"] = "5" }, binding.Parameters);
        Assert.Equal("splunk-soar-connectors/virustotalv3:README.md@abc (action \"ip reputation\")", binding.Provenance);
        var results = binding.Results!;
        Assert.Equal(("data.0.attributes.last_analysis_stats.malicious", 3.0, 1.0), (results.VerdictPath, results.MaliciousAtOrAbove, results.SuspiciousAtOrAbove));
        Assert.Equal("data.0.attributes.country", results.Facts["country"]);
    }

    [Fact]
    public void Load_ShippedFolder_EveryActionHasATargetedBindingWithProvenance()
    {
        var catalog = ActionCatalog.Load(RepoPaths.Connectors);

        Assert.All(catalog.All, a =>
        {
            var binding = a.SplunkSoar;
            Assert.True(binding is not null, $"{a.Name} has no Splunk SOAR binding");
            Assert.StartsWith("splunk-soar-connectors/", binding.Provenance, StringComparison.Ordinal);
            Assert.Contains($"(action \"{binding.Action}\")", binding.Provenance, StringComparison.Ordinal);
            Assert.Equal(a.Kind != ActionKind.Notification, binding.Parameters.Values.Contains(TargetTemplate.Target));
            Assert.Equal(a.Kind == ActionKind.Enrichment, binding.Results is not null);
        });
    }

    [Fact]
    public void TryLoad_ShippedFolderWithThePolicysGates_HasNoErrors()
    {
        var gated = DefinitionSetLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"), RepoPaths.Connectors)
            .Policy.ApprovalGates.Classes.Keys;

        var (catalog, errors) = ActionCatalog.TryLoad(RepoPaths.Connectors, gated);

        Assert.Empty(ErrorLines.Of(errors));
        Assert.All(gated, name => Assert.NotNull(catalog!.Find(name)!.SplunkSoar));
    }

    [Fact]
    public void TryLoad_GatedActionWithoutBinding_ErrorNamesTheFile()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("c/create_ticket.yaml", """
            name: create_ticket
            description: Open a ticket.
            kind: notification
            reversible: false
            target_types: []
            expected_duration_seconds: 5
            """);

        var (ungated, none) = ActionCatalog.TryLoad(Path.Combine(scratch.Path, "c"));
        var (catalog, errors) = ActionCatalog.TryLoad(Path.Combine(scratch.Path, "c"), ["create_ticket"]);

        Assert.Empty(none);
        Assert.Null(ungated!.Find("create_ticket")!.SplunkSoar);
        Assert.Null(catalog);
        var error = Assert.Single(errors);
        Assert.Equal((path, 1, 1, "platforms.splunk_soar"), (error.File, error.Line, error.Column, error.Field));
        Assert.StartsWith(ActionCatalog.MissingBindingPrefix, error.Message, StringComparison.Ordinal);
    }
}
