using AgenticIR.Agents.Tests.Support;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Agents.Tests.Triage;

public sealed class TriageAgentTests : IDisposable
{
    private readonly ContextFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TriageAsync_PhishingWithMaliciousDomainDeliveredToOthers_HighAndAssisted()
    {
        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(Scenarios.Phishing().Record(), TestContext.Current.CancellationToken);

        Assert.True(result.Severity >= Severity.High, $"{result.Severity} ({result.Score})");
        Assert.Equal(InvestigationPath.Assisted, result.Path);
        var ti = Assert.Single(result.Signals, s => s.Name == SignalNames.ThreatIntelMatch);
        Assert.Equal(0.95, ti.Score);
        Assert.Contains("evil-login.example", ti.Evidence, StringComparison.Ordinal);
        Assert.Contains(result.Signals, s => s.Name == SignalNames.TemporalProximity && s.Evidence.Contains("mailbox", StringComparison.Ordinal));
        Assert.Contains("sweep mailboxes for domain login.evil-login.example", result.EnrichmentHints);
        Assert.Contains("threat_intel_match", result.Reasoning, StringComparison.Ordinal);
        Assert.Contains("Policy routes high alerts to assisted", result.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriageAsync_AdminLoginFromUsualCountry_LowOrInformational()
    {
        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(Scenarios.BenignAdminLogin().Record(), TestContext.Current.CancellationToken);

        Assert.True(result.Severity <= Severity.Low, $"{result.Severity} ({result.Score})");
        Assert.Contains(result.Signals, s => s.Name == SignalNames.BehavioralAnomaly && s.Evidence.Contains("country US is usual", StringComparison.Ordinal));
        Assert.Contains(result.Signals, s => s.Name == SignalNames.AlertFidelity && s.Evidence.Contains("0 true / 6 false-positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TriageAsync_SignInFromUnusualCountry_BehaviouralAnomalyHigh()
    {
        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(Scenarios.RiskySignIn().Record(), TestContext.Current.CancellationToken);

        var anomaly = Assert.Single(result.Signals, s => s.Name == SignalNames.BehavioralAnomaly);
        Assert.Equal(0.8, anomaly.Score);
        Assert.Contains("RU", anomaly.Evidence, StringComparison.Ordinal);
        Assert.Contains("check sign-ins of user kpatel", result.EnrichmentHints);
    }

    [Fact]
    public async Task TriageAsync_WeightsComeFromPolicy()
    {
        var context = _fixture.Load();
        var record = Scenarios.Phishing().Record();
        var ct = TestContext.Current.CancellationToken;

        var standard = await AgentFactory.Triage(context).TriageAsync(record, ct);
        var noIntel = await AgentFactory.Triage(context, TestPolicies.WithWeight(SignalNames.ThreatIntelMatch, 0.0)).TriageAsync(record, ct);

        Assert.Equal(0.25, standard.Signals.Single(s => s.Name == SignalNames.ThreatIntelMatch).Weight);
        Assert.Equal(0.0, noIntel.Signals.Single(s => s.Name == SignalNames.ThreatIntelMatch).Weight);
        Assert.True(noIntel.Score < standard.Score, $"{noIntel.Score} vs {standard.Score}");
    }

    [Fact]
    public async Task TriageAsync_ScoreIsWeightedSumOfSignals()
    {
        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(Scenarios.RiskySignIn().Record(), TestContext.Current.CancellationToken);

        Assert.Equal(SignalNames.All, result.Signals.Select(s => s.Name));
        Assert.Equal(result.Signals.Sum(s => s.Weight * s.Score), result.Score, 3);
    }
}
