using AgenticIR.Core.Alerts;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Mapping;

public sealed class CorpusNormalizationTests
{
    // Corpus format names → our mapping names; formats without a dedicated mapping are expected to fall to generic.
    private static readonly Dictionary<string, string> ExpectedMapping = new(StringComparer.Ordinal)
    {
        ["splunk_notable"] = "splunk_notable",
        ["xsoar_incident"] = "xsoar_incident",
        ["ecs"] = "ecs",
        ["ocsf"] = "ocsf",
        ["guardduty"] = "guardduty",
        ["msgraph_security_alert_v2"] = "msgraph_alert",
        ["defender_endpoint_alert"] = "msgraph_alert",
        ["crowdstrike_alert"] = "crowdstrike_detection",
        ["crowdstrike_event_stream"] = "crowdstrike_detection",
        ["proofpoint_tap_message"] = "proofpoint_tap",
        ["eml_rfc822"] = "eml",
        ["aws_securityhub_asff"] = "aws_securityhub_asff",
        ["okta_system_log"] = "okta_system_log",
        ["azure_signin_log"] = "azure_signin_log",
        ["sigma_match_windows_event"] = "sigma_match_windows_event",
        ["wiz_issue"] = "wiz_issue",
        ["wiz_issue_webhook"] = "wiz_issue",
        ["thinkst_canary_alert"] = "thinkst_canary",
        ["chronicle_detection"] = "chronicle_detection",
    };

    public static TheoryData<string> CorpusIds() => [.. Corpus().Select(l => l.Id)];

    private static IReadOnlyList<CorpusLine> Corpus() => CorpusLine.ReadAll(RepoPaths.Corpus);

    private static CorpusLine Line(string id) => Corpus().Single(l => l.Id == id);

    private static NormalizedAlert Normalize(string id)
    {
        var result = ShippedMappings.Normalizer.Normalize(new RawAlert(id, Line(id).Content));
        Assert.True(result.Succeeded, result.Error);
        return result.Alert!;
    }

    [Theory]
    [MemberData(nameof(CorpusIds))]
    public void Normalize_CorpusPayload_AlertWithTitleOrClearFailure(string id)
    {
        var line = Line(id);
        var result = ShippedMappings.Normalizer.Normalize(new RawAlert(id, line.Content));

        if (result.Succeeded)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Alert!.Title));
            Assert.False(string.IsNullOrWhiteSpace(result.Alert.AlertId));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusIds))]
    public void DetectFormat_CorpusPayload_PicksMappingForCorpusFormat(string id)
    {
        var line = Line(id);
        // An empty `{ "findings": [] }` batch holds no GuardDuty finding, so only the catch-all sees it (and rejects it).
        var expected = id == "elastic-aws-guardduty-test-5" ? "generic" : ExpectedMapping.GetValueOrDefault(line.Format, "generic");
        var available = ShippedMappings.Normalizer.Formats.Contains(expected) ? expected : "generic";

        Assert.Equal(available, ShippedMappings.Normalizer.DetectFormat(line.Content));
    }

    [Fact]
    public void Normalize_EmptyGuardDutyFindingsEnvelope_FailsWithReason()
    {
        var result = ShippedMappings.Normalizer.Normalize(new RawAlert("t", Line("elastic-aws-guardduty-test-5").Content));

        Assert.False(result.Succeeded);
        Assert.Contains("no alert content", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_GuardDutyFinding_ExtractsInstanceAndAddresses()
    {
        var alert = Normalize("elastic-aws-guardduty-test-0");

        Assert.Equal("guardduty", alert.SourceFormat);
        Assert.Contains(new Observable(ObservableType.CloudResource, "i-99999999"), alert.Observables);
        Assert.Contains(new Observable(ObservableType.Ipv4, "175.16.199.1"), alert.Observables);
        Assert.Equal(Severity.Medium, alert.SourceSeverity);
    }

    [Fact]
    public void Normalize_GraphAlert_ExtractsEvidenceIpAndUser()
    {
        var alert = Normalize("panther-Microsoft.Graph.Passthrough-0");

        Assert.Contains(new Observable(ObservableType.Ipv4, "185.220.103.6"), alert.Observables);
        Assert.Contains(alert.Observables, o => o.Type == ObservableType.User && o.Value.StartsWith("homer.simpson", StringComparison.Ordinal));
        Assert.Equal(Severity.Medium, alert.SourceSeverity);
    }

    [Fact]
    public void Normalize_EmlShortenerPhish_ExtractsLinkSenderAndRelay()
    {
        var alert = Normalize("sublime-amazon_phish_url_shortener.eml");

        Assert.Equal("eml", alert.SourceFormat);
        Assert.Equal("Your recent Amazon order is on hold", alert.Title);
        Assert.Contains(new Observable(ObservableType.Url, "https://bit.ly/33p6BKD"), alert.Observables);
        Assert.Contains(new Observable(ObservableType.Domain, "bit.ly"), alert.Observables);
        Assert.Contains(new Observable(ObservableType.Email, "billingservices.amazon.com@gmail.com"), alert.Observables);
        Assert.Contains(new Observable(ObservableType.Ipv4, "209.85.220.65"), alert.Observables);
        Assert.Equal(new DateTimeOffset(2020, 3, 15, 21, 55, 4, TimeSpan.Zero), alert.Timestamp);
    }

    [Fact]
    public void Normalize_SentinelOneXsoarIncident_ReadsHostFromRawJson()
    {
        var alert = Normalize("demisto-sentinelone-incidents-3");

        Assert.Equal("xsoar_incident", alert.SourceFormat);
        Assert.Contains(new Observable(ObservableType.Host, "EC2AMAZ-AJ0KANC"), alert.Observables);
    }

    [Fact]
    public void Normalize_CrowdStrikeEventStream_ReadsTechniqueAndDropsZeroHash()
    {
        var alert = Normalize("panther-Crowdstrike.EppDetectionSummary-1");

        Assert.Equal("crowdstrike_detection", alert.SourceFormat);
        Assert.Contains(new Observable(ObservableType.Ipv4, "2.2.2.2"), alert.Observables);
        Assert.DoesNotContain(alert.Observables, o => o.Value == "0000000000000000000000000000000000000000");
        Assert.Equal(new DateTimeOffset(2024, 12, 3, 19, 53, 19, TimeSpan.Zero), alert.Timestamp);
    }

    [Fact]
    public void Normalize_SigmaMatch_ReadsTechniquesFromTags()
    {
        var alert = Normalize("sigma-regression-0e8cfe08-02c9-4815-a2f8-0d157b7ed33e");

        Assert.Equal("File Download with Headless Browser", alert.Title);
        Assert.Contains("T1105", alert.SourceTechniques);
        Assert.Contains("T1564.003", alert.SourceTechniques);
        Assert.Contains(new Observable(ObservableType.Url, "http://10.0.1.14/nas.txt"), alert.Observables);
    }

    [Fact]
    public void Normalize_ProofpointDocumentationSender_DropsPlaceholders()
    {
        var alert = Normalize("panther-Proofpoint.HighImpostorScore-3");

        Assert.Equal("proofpoint_tap", alert.SourceFormat);
        Assert.DoesNotContain(alert.Observables, o => o.Value == "198.51.100.99");
        Assert.DoesNotContain(alert.Observables, o => o.Value == "suspicious@example.com");
        Assert.DoesNotContain(alert.Observables, o => o.Value == "employee@company.com");
    }

    [Fact]
    public void Normalize_MaskedFixtures_DropMaskedValues()
    {
        var notable = Normalize("demisto-splunkpy-test_notable_event");
        var chronicle = Normalize("demisto-chronicle-fetch_detection_size_5_NT-1");

        Assert.DoesNotContain(notable.Observables, o => o.Value.Contains("xxx", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(chronicle.Observables, o => o.Value.Contains("XX", StringComparison.Ordinal));
        Assert.Contains(new Observable(ObservableType.Domain, "is5-ssl.mzstatic.com"), chronicle.Observables);
    }

    [Fact]
    public void Normalize_OcsfAdwareFinding_ExtractsSinkholeAddress()
    {
        var alert = Normalize("ocsf_examples-ssc-3");

        Assert.Equal("ocsf", alert.SourceFormat);
        Assert.Contains(new Observable(ObservableType.Ipv4, "38.7.186.198"), alert.Observables);
    }
}
