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
    public void TryLoad_PlatformsMap_IsAcceptedWithoutValidation()
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
              splunk_soar: { app: VirusTotal v3, action: ip reputation, parameters: { ip: "${inputs.ip}" } }
              xsoar: { command: ip }
            """);

        var (catalog, errors) = ActionCatalog.TryLoad(Path.Combine(scratch.Path, "c"));

        Assert.Empty(errors);
        Assert.NotNull(catalog!.Find("ip_reputation"));
    }
}
