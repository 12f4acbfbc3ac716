using AgenticIR.Core.Investigation;
using AgenticIR.Soar.SplunkSoar.Shadow;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Shadow;

public sealed class ShadowComparerTests
{
    private static ShadowInputs Inputs(
        Core.State.InvestigationRecord? record = null, SplunkSoar.Api.SoarContainer? container = null, SplunkSoar.Api.SoarArtifact? artifact = null) => new()
    {
        Investigation = record ?? ShadowScenario.Record(),
        StageEvents = ShadowScenario.Events(),
        Container = container ?? ShadowScenario.Container(),
        VerdictArtifact = artifact,
        PlaybookRuns = ShadowScenario.PlaybookRuns(),
        ActionRuns = ShadowScenario.ActionRuns(),
        Apps = Instance().Apps,
        DispositionField = "disposition",
        ObservedAt = T0.AddHours(1),
    };

    private static readonly ShadowComparer Comparer = new(Catalog());

    [Fact]
    public void Compare_CraftedCase_EveryMeasurePinned()
    {
        var c = Comparer.Compare(Inputs());

        Assert.Equal("prod", c.Instance);
        Assert.Equal("42", c.ContainerId);
        Assert.Equal("inv-1", c.InvestigationId);
        Assert.Equal("network_intrusion", c.Playbook);
        Assert.Equal(["local/network_intrusion_triage: success", "local/notify_soc: failed"], c.PlaybookRuns);
        Assert.Equal("high", c.AgentSeverity);
        Assert.Equal("high", c.ContainerSeverity);
        Assert.True(c.SeverityAgreement);
        Assert.Equal("true_positive", c.AgentDisposition);
        Assert.Equal("true_positive", c.AnalystDisposition);
        Assert.True(c.DispositionAgreement);
        Assert.Equal(["block_ip", "create_ticket", "isolate_endpoint"], c.AgentActions);
        // ip reputation is enrichment (mapped, not compared); our own quarantine run is excluded; app 99 maps to nothing.
        Assert.Equal(["block_ip", "create_ticket"], c.PlaybookActions);
        Assert.Equal(["unknown app: do thing"], c.UnmappedPlaybookActions);
        Assert.Equal(2.0 / 3.0, c.ActionOverlap, 10);
        // The IP was touched by the playbook; the host only by our own run; the informational sender finding is not counted.
        Assert.Equal(["F2 suspicious host:wks-042: wks-042 looks suspicious"], c.ExtraFindings);
        Assert.Equal(T0.AddSeconds(1), c.AgentsStartedAt);
        Assert.Equal(T0.AddSeconds(13), c.AgentsDecidedAt);
        Assert.Equal(12, c.AgentDecisionSeconds);
        Assert.Equal(T0.AddSeconds(-5), c.ContainerCreatedAt);
        Assert.Equal(T0.AddSeconds(175), c.PlaybookDecidedAt);
        Assert.Equal(180, c.PlaybookDecisionSeconds);
        Assert.Equal("open", c.ContainerStatus);
        Assert.False(c.Final);
        Assert.Equal(T0.AddHours(1), c.ObservedAt);
    }

    [Fact]
    public void Compare_AnalystDisagrees_BothAgreementsFalse()
    {
        var c = Comparer.Compare(Inputs(container: ShadowScenario.Container(severity: "Medium", disposition: "false-positive", closed: true)));

        Assert.Equal("medium", c.ContainerSeverity);
        Assert.False(c.SeverityAgreement);
        Assert.Equal("false_positive", c.AnalystDisposition);
        Assert.False(c.DispositionAgreement);
        Assert.True(c.Final);
        Assert.Equal(T0.AddHours(2), c.ClosedAt);
    }

    [Fact]
    public void Compare_NoDispositionYet_AgreementUnknownNotFalse()
    {
        var c = Comparer.Compare(Inputs(container: ShadowScenario.Container(severity: "whatever", disposition: null)));

        Assert.Null(c.AnalystDisposition);
        Assert.Null(c.DispositionAgreement);
        Assert.Equal("whatever", c.ContainerSeverity);
        Assert.Null(c.SeverityAgreement);
    }

    [Fact]
    public void Compare_NoFieldButVerdictArtifact_ArtifactDispositionUsed()
    {
        var c = Comparer.Compare(Inputs(
            container: ShadowScenario.Container(severity: null, disposition: null),
            artifact: ShadowScenario.VerdictArtifact(7, "critical", "benign")));

        Assert.Equal("critical", c.ContainerSeverity);
        Assert.False(c.SeverityAgreement);
        Assert.Equal("benign", c.AnalystDisposition);
        Assert.False(c.DispositionAgreement);
    }

    [Fact]
    public void Compare_NoPlaybookRunEnded_PlaybookTimeFromClose()
    {
        var inputs = Inputs(container: ShadowScenario.Container(closed: true)) with { PlaybookRuns = [] };

        var c = Comparer.Compare(inputs);

        Assert.Equal(T0.AddHours(2), c.PlaybookDecidedAt);
        Assert.Equal(7205, c.PlaybookDecisionSeconds);
        Assert.Empty(c.PlaybookRuns);
    }

    [Fact]
    public void Compare_NeitherSideActs_OverlapIsOne()
    {
        var record = ShadowScenario.Record() with { Plan = ShadowScenario.Record().Plan! with { Actions = [] } };

        var c = Comparer.Compare(Inputs(record) with { ActionRuns = [] });

        Assert.Equal(1.0, c.ActionOverlap);
    }

    [Theory]
    [InlineData(Verdict.Malicious, 0.9, "malicious_ip", 0.5, "true_positive")]
    [InlineData(Verdict.Malicious, 0.4, "malicious_ip", 0.5, "benign")]
    [InlineData(Verdict.Suspicious, 0.6, "suspicious_process", 0.7, "true_positive")]
    [InlineData(Verdict.Suspicious, 0.6, "suspicious_process", 0.5, "benign")]
    [InlineData(Verdict.Benign, 0.9, "benign_indicator", 0.9, "benign")]
    [InlineData(Verdict.Malicious, 0.9, "known_false_positive", 0.9, "false_positive")]
    public void AgentDisposition_FollowsTheDocumentedRule(Verdict verdict, double confidence, string kind, double reportConfidence, string expected)
    {
        var record = ShadowScenario.Record(reportConfidence, ShadowScenario.Finding("F1", AttackerIp, verdict, confidence, kind));

        Assert.Equal(expected, ShadowDispositions.OfAgents(record.Report));
    }

    [Theory]
    [InlineData("True Positive", "true_positive")]
    [InlineData("TP", "true_positive")]
    [InlineData("false_positive", "false_positive")]
    [InlineData("Benign True Positive", "benign")]
    [InlineData("benign", "benign")]
    [InlineData("undetermined", null)]
    [InlineData("", null)]
    public void Normalize_AnalystSpellings(string text, string? expected) =>
        Assert.Equal(expected, ShadowDispositions.Normalize(text));
}
