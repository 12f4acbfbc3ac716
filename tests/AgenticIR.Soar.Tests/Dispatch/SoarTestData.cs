using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.Tests.Dispatch;

/// <summary>A small connector catalog with Splunk SOAR bindings shaped like real apps, an instance that has those
/// apps and assets, and investigation records from container 42.</summary>
internal static class SoarTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly Observable AttackerIp = new(ObservableType.Ipv4, "203.0.113.7", "source");
    public static readonly Observable Host = new(ObservableType.Host, "wks-042", "destination");
    public static readonly Observable EvilDomain = new(ObservableType.Domain, "evil.example", "url_host");

    public static ActionDefinition BlockIp { get; } = new()
    {
        Name = "block_ip", Description = "Block an IP.", Kind = ActionKind.Containment, Reversible = true, RollbackAction = "unblock_ip",
        TargetTypes = [ObservableType.Ipv4, ObservableType.Ipv6], ExpectedDuration = TimeSpan.FromSeconds(30),
        SplunkSoar = new SplunkSoarBinding
        {
            App = "Palo Alto Networks Firewall", Action = "block ip",
            Parameters = new Dictionary<string, string> { ["ip"] = "${target}", ["is_source_address"] = "false" },
            Provenance = "test",
        },
    };

    public static ActionDefinition UnblockIp { get; } = BlockIp with
    {
        Name = "unblock_ip", RollbackAction = null, Kind = ActionKind.Recovery,
        SplunkSoar = BlockIp.SplunkSoar! with { Action = "unblock ip" },
    };

    public static ActionDefinition IsolateEndpoint { get; } = new()
    {
        Name = "isolate_endpoint", Description = "Isolate a host.", Kind = ActionKind.Containment, Reversible = true, RollbackAction = "unisolate_endpoint",
        TargetTypes = [ObservableType.Host], ExpectedDuration = TimeSpan.FromMinutes(2),
        SplunkSoar = new SplunkSoarBinding
        {
            App = "CrowdStrike OAuth API", Action = "quarantine device", Assets = ["crowdstrike-prod"],
            Parameters = new Dictionary<string, string> { ["device_id"] = "${target}" }, Provenance = "test",
        },
    };

    public static ActionDefinition IpReputation { get; } = new()
    {
        Name = "ip_reputation", Description = "Reputation of an IP.", Kind = ActionKind.Enrichment, Reversible = true,
        TargetTypes = [ObservableType.Ipv4, ObservableType.Ipv6], ExpectedDuration = TimeSpan.FromSeconds(10),
        SplunkSoar = new SplunkSoarBinding
        {
            App = "VirusTotal v3", Action = "ip reputation", Parameters = new Dictionary<string, string> { ["ip"] = "${target}" }, Provenance = "test",
            Results = new ResultParsing
            {
                VerdictPath = "summary.malicious", MaliciousAtOrAbove = 5, SuspiciousAtOrAbove = 1,
                Facts = new Dictionary<string, string>
                {
                    ["country"] = "data.0.attributes.country", ["as_owner"] = "data.0.attributes.as_owner", ["harmless"] = "summary.harmless",
                },
            },
        },
    };

    public static ActionDefinition DomainReputation { get; } = new()
    {
        Name = "domain_reputation", Description = "Reputation of a domain.", Kind = ActionKind.Enrichment, Reversible = true,
        TargetTypes = [ObservableType.Domain], ExpectedDuration = TimeSpan.FromSeconds(10),
        SplunkSoar = new SplunkSoarBinding
        {
            App = "Cisco Umbrella Investigate", Action = "domain reputation", Parameters = new Dictionary<string, string> { ["domain"] = "${target}" },
            Provenance = "test",
            Results = new ResultParsing
            {
                VerdictPath = "data.0.status_desc", MaliciousValues = ["MALICIOUS"], SuspiciousValues = ["UNCLASSIFIED"],
                Facts = new Dictionary<string, string> { ["category"] = "data.0.category", ["risk_score"] = "summary.risk_score" },
            },
        },
    };

    public static ActionDefinition CreateTicket { get; } = new()
    {
        Name = "create_ticket", Description = "Open a ticket.", Kind = ActionKind.Notification, Reversible = false,
        TargetTypes = [ObservableType.Ipv4, ObservableType.Host], ExpectedDuration = TimeSpan.FromSeconds(10),
        SplunkSoar = new SplunkSoarBinding
        {
            App = "ServiceNow", Action = "create ticket",
            Parameters = new Dictionary<string, string> { ["short_description"] = "Agentic IR incident", ["table"] = "incident" }, Provenance = "test",
        },
    };

    public static ActionCatalog Catalog(params ActionDefinition[] extra) =>
        ActionCatalog.From([BlockIp, UnblockIp, IsolateEndpoint, IpReputation, DomainReputation, CreateTicket, .. extra]);

    /// <summary>An instance with the apps and assets of <see cref="Catalog"/>.</summary>
    public static FakeSoarClient Instance()
    {
        var client = new FakeSoarClient();
        client.Apps.AddRange(
        [
            new SoarApp(11, "Palo Alto Networks Firewall", "Palo Alto Networks", "Firewall", "3.1.0"),
            new SoarApp(12, "CrowdStrike OAuth API", "CrowdStrike", "Falcon", "4.2.0"),
            new SoarApp(13, "VirusTotal v3", "VirusTotal", "VirusTotal", "2.5.0"),
            new SoarApp(14, "Cisco Umbrella Investigate", "Cisco", "Umbrella Investigate", "1.0.0"),
            new SoarApp(15, "ServiceNow", "ServiceNow", "ServiceNow", "2.4.0"),
        ]);
        client.Assets.AddRange(
        [
            new SoarAsset(1, "pan-fw-edge", "Palo Alto Networks", "Firewall"),
            new SoarAsset(2, "pan-fw-dc", "Palo Alto Networks", "Firewall"),
            new SoarAsset(3, "crowdstrike-prod", "CrowdStrike", "Falcon"),
            new SoarAsset(4, "virustotal", "VirusTotal", "VirusTotal"),
            new SoarAsset(5, "umbrella", "Cisco", "Umbrella Investigate"),
            new SoarAsset(6, "servicenow", "ServiceNow", "ServiceNow"),
        ]);
        return client;
    }

    public static InvestigationRecord Record(string id = "inv-1", string platform = "splunk_soar", params Observable[] observables) => new()
    {
        Id = id,
        Fingerprint = "fp-" + id,
        Stage = InvestigationStage.Responding,
        Alerts =
        [
            new NormalizedAlert
            {
                AlertId = "alert-" + id, SourceFormat = "soar_container", Title = "Suspicious connection", Timestamp = T0,
                Observables = observables.Length == 0 ? [AttackerIp, Host] : observables,
            },
        ],
        Source = platform.Length == 0 ? null : new SourceReference(platform, "prod", "42"),
        Mode = PlaybookMode.Autonomous,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static ResponseAction Action(ActionDefinition definition, Observable target, string actionId = "A1") => new()
    {
        ActionId = actionId, LogicalAction = definition.Name, Target = target, Kind = definition.Kind, Risk = ActionRisk.Medium,
        ApprovalClass = ApprovalClass.AutoApprove, ApprovalStatus = ApprovalStatus.AutoApproved, Justification = "test",
        Reversible = definition.Reversible, RollbackAction = definition.RollbackAction, Priority = 1, ExpectedDuration = definition.ExpectedDuration,
    };

    public static InvestigationContext Context(InvestigationRecord record) => new()
    {
        Investigation = record, Steps = [], Findings = [], Known = record.AllObservables, Confidence = 0,
    };
}
