using AgenticIR.Agents.Tests.Support;
using AgenticIR.Agents.Tools;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tests.Triage;

public sealed class BenignContextTests : IDisposable
{
    private readonly ContextFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TriageAsync_ReportedMailWithAllowListedDomainToExecutive_CappedAtLow()
    {
        var alert = new AlertBuilder().Id("REP-1").Title("User reported phishing").Category("phishing")
            .Severity(Severity.Low).At("2026-11-19T14:00:00Z")
            .With(ObservableType.Domain, "login.microsoftonline.com").With(ObservableType.Email, "mdavis@corp.example");

        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(alert.Record(), TestContext.Current.CancellationToken);

        Assert.True(result.Severity <= Severity.Low, $"{result.Severity} ({result.Score})");
        Assert.Contains("Capped at low: known benign", result.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriageAsync_MaliciousIntelDespiteKnownAddress_NotCapped()
    {
        var alert = Scenarios.RiskySignIn();

        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(alert.Record(), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Capped at low", result.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriageAsync_CountryWrittenAsName_ComparedAsIsoCode()
    {
        var alert = Scenarios.BenignAdminLogin().Attribute("country", "United States");

        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(alert.Record(), TestContext.Current.CancellationToken);

        var anomaly = Assert.Single(result.Signals, s => s.Name == SignalNames.BehavioralAnomaly);
        Assert.Equal(0.05, anomaly.Score);
        Assert.Contains("country US is usual", anomaly.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertHistory_BenignHistoryUnderAnotherRule_NotAKnownFalsePositive()
    {
        var alert = new AlertBuilder().Id("PH-9").Title("Callback phishing delivered").Rule("Email - Callback Lure").Category("phishing")
            .At("2026-11-19T14:00:00Z").With(ObservableType.User, "adm_jwilson");
        var context = new InvestigationContext { Investigation = alert.Record(), Steps = [], Findings = [], Known = [], Confidence = 0 };

        var result = await ToolRegistry.CreateDefault(_fixture.Load()).Find(ToolNames.AlertHistory)!
            .RunAsync(new Observable(ObservableType.User, "adm_jwilson"), context, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Findings, f => f.Kind == FindingKinds.KnownFalsePositive);
        Assert.Contains(result.Findings, f => f.Verdict == Verdict.Informational && f.Title.Contains("under other rules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertHistory_SameRuleClosedAsFalsePositive_KnownFalsePositive()
    {
        var alert = Scenarios.BenignAdminLogin().Rule("Privileged Account Login - Rule: IT-WS-003");
        var context = new InvestigationContext { Investigation = alert.Record(), Steps = [], Findings = [], Known = [], Confidence = 0 };

        var result = await ToolRegistry.CreateDefault(_fixture.Load()).Find(ToolNames.AlertHistory)!
            .RunAsync(new Observable(ObservableType.User, "adm_jwilson"), context, TestContext.Current.CancellationToken);

        Assert.Contains(result.Findings, f => f.Kind == FindingKinds.KnownFalsePositive);
    }

    [Fact]
    public async Task CloudActivity_ChangeTicketedKeyRotation_BenignWithoutPivots()
    {
        var files = ContextFixture.DefaultFiles();
        files["cloud_audit.csv"] = """
            timestamp,principal,action,resource,src_ip,region,result
            2026-11-18T18:02:44Z,adm_jwilson,iam:CreateAccessKey,arn:aws:iam::111122223333:user/svc_build (rotation CHG-100),73.110.62.5,us-east-1,success
            2026-11-18T18:05:00Z,adm_jwilson,iam:CreateAccessKey,arn:aws:iam::111122223333:user/svc_other,73.110.62.5,us-east-1,success
            """;
        using var fixture = new ContextFixture(files);
        var alert = Scenarios.BenignAdminLogin();
        var context = new InvestigationContext { Investigation = alert.Record(), Steps = [], Findings = [], Known = [], Confidence = 0 };

        var result = await ToolRegistry.CreateDefault(fixture.Load()).Find(ToolNames.CloudActivity)!
            .RunAsync(new Observable(ObservableType.User, "adm_jwilson"), context, TestContext.Current.CancellationToken);

        var ticketed = Assert.Single(result.Findings, f => f.Title.Contains("svc_build", StringComparison.Ordinal));
        Assert.Equal(Verdict.Benign, ticketed.Verdict);
        Assert.Contains("CHG-100", ticketed.Title, StringComparison.Ordinal);
        Assert.Empty(ticketed.Discovered);
        var unticketed = Assert.Single(result.Findings, f => f.Title.Contains("svc_other", StringComparison.Ordinal));
        Assert.Equal(Verdict.Suspicious, unticketed.Verdict);
    }
}
