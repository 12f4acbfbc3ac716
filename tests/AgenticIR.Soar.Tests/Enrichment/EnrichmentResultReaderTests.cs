using AgenticIR.Core.Investigation;
using AgenticIR.Soar.SplunkSoar.Enrichment;
using AgenticIR.Soar.Tests.Dispatch;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Enrichment;

public sealed class EnrichmentResultReaderTests
{
    [Fact]
    public void From_NumericAtOrAboveMalicious_MaliciousFindingWithFacts()
    {
        var result = EnrichmentFindings.From("ip_reputation", IpReputation.SplunkSoar!, AttackerIp, "prod", 501,
            [FakeSoarClient.AppRun("virustotal", "success", EnrichmentJson.VirusTotalIp(12))]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(Verdict.Malicious, finding.Verdict);
        Assert.Equal(EnrichmentFindings.MaliciousConfidence, finding.Confidence);
        Assert.Equal(FindingKinds.MaliciousIp, finding.Kind);
        Assert.Equal(AttackerIp, finding.Subject);
        Assert.Equal("ip_reputation", finding.Tool);
        Assert.Equal(
            "VirusTotal v3 'ip reputation' (Splunk SOAR prod, action_run 501) on asset virustotal: summary.malicious=12 >= 5 (malicious); "
            + "country=RU; as_owner=Evil Hosting Ltd; harmless=61",
            finding.Evidence);
        Assert.Empty(finding.Discovered);
    }

    [Fact]
    public void From_BindingWithoutVerdictRules_InformationalFindingNeverClean()
    {
        var lookup = IpReputation.SplunkSoar! with
        {
            Results = IpReputation.SplunkSoar!.Results! with { MaliciousAtOrAbove = null, SuspiciousAtOrAbove = null, MaliciousValues = [], SuspiciousValues = [] },
        };

        var result = EnrichmentFindings.From("ip_reputation", lookup, AttackerIp, "prod", 501,
            [FakeSoarClient.AppRun("virustotal", "success", EnrichmentJson.VirusTotalIp(0))]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(Verdict.Informational, finding.Verdict);
        Assert.Null(finding.Kind);
        Assert.DoesNotContain("clean", finding.Title, StringComparison.Ordinal);
        Assert.Contains("country=RU", finding.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, Verdict.Suspicious, FindingKinds.MaliciousIp, "summary.malicious=2 >= 1 (suspicious)")]
    [InlineData(0, Verdict.Benign, null, "summary.malicious=0 < 1 (clean)")]
    public void From_NumericBelowMalicious_SuspiciousOrClean(int malicious, Verdict verdict, string? kind, string rule)
    {
        var result = EnrichmentFindings.From("ip_reputation", IpReputation.SplunkSoar!, AttackerIp, "prod", 501,
            [FakeSoarClient.AppRun("virustotal", "success", EnrichmentJson.VirusTotalIp(malicious))]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(verdict, finding.Verdict);
        Assert.Equal(kind, finding.Kind);
        Assert.Contains(rule, finding.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MALICIOUS", Verdict.Malicious, FindingKinds.MaliciousDomain)]
    [InlineData("unclassified", Verdict.Suspicious, FindingKinds.MaliciousDomain)]
    [InlineData("BENIGN", Verdict.Benign, null)]
    public void From_TextVerdict_MatchedCaseInsensitively(string statusDesc, Verdict verdict, string? kind)
    {
        var result = EnrichmentFindings.From("domain_reputation", DomainReputation.SplunkSoar!, EvilDomain, "prod", 77,
            [FakeSoarClient.AppRun("umbrella", "success", EnrichmentJson.UmbrellaDomain(statusDesc))]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(verdict, finding.Verdict);
        Assert.Equal(kind, finding.Kind);
        Assert.EndsWith("; category=Malware, Command and Control; risk_score=87", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SeveralAssets_WorstVerdictWinsAndFailedRunsAreIgnored()
    {
        var result = EnrichmentFindings.From("ip_reputation", IpReputation.SplunkSoar!, AttackerIp, "prod", 501,
        [
            FakeSoarClient.AppRun("vt-eu", "success", EnrichmentJson.VirusTotalIp(0, "DE")),
            FakeSoarClient.AppRun("vt-us", "success", EnrichmentJson.VirusTotalIp(7, "RU")),
            FakeSoarClient.AppRun("vt-broken", "failed", EnrichmentJson.VirusTotalIp(99)),
        ]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(Verdict.Malicious, finding.Verdict);
        Assert.Contains("on asset vt-us: summary.malicious=7", finding.Evidence, StringComparison.Ordinal);
        // Facts come from the first item that has them.
        Assert.Contains("country=DE", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void From_VerdictPathMissing_NoFinding()
    {
        var result = EnrichmentFindings.From("ip_reputation", IpReputation.SplunkSoar!, AttackerIp, "prod", 501,
            [FakeSoarClient.AppRun("virustotal", "success", """[{"data": [], "message": "Not found", "summary": {}}]""")]);

        Assert.Empty(result.Findings);
        Assert.Contains("returned no 'summary.malicious'", result.Summary, StringComparison.Ordinal);
    }
}
