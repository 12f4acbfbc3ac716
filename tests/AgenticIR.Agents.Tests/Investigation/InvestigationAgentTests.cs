using AgenticIR.Agents.Tests.Support;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Investigation;
using AgenticIR.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Agents.Tests.Investigation;

public sealed class InvestigationAgentTests : IDisposable
{
    private readonly ContextFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private ToolRegistry Tools() => ToolRegistry.CreateDefault(_fixture.Load());

    [Fact]
    public async Task InvestigateAsync_PhishingTiHit_PivotsToMailboxSweepOfTheDomain()
    {
        var (report, _) = await AgentFactory.RunAsync(AgentFactory.Investigation(Tools()), Scenarios.Phishing().Record());

        var tiStep = report.Steps.First(s => s.Tool == ToolNames.ThreatIntel);
        var sweep = report.Steps.First(s => s.Tool == ToolNames.MailboxSearch);
        Assert.Equal(1, tiStep.Number);
        Assert.Equal(tiStep.Number + 1, sweep.Number);
        Assert.Equal("domain:evil-login.example", sweep.Query);
        Assert.Contains("is malicious", sweep.Reason, StringComparison.Ordinal);
        Assert.StartsWith(tiStep.FindingIds[0] + ":", sweep.Reason, StringComparison.Ordinal);

        var domainFinding = report.Findings.Single(f => f.Kind == FindingKinds.MaliciousUrl);
        Assert.Contains("threat_intel.csv: domain evil-login.example malicious 0.95", domainFinding.Evidence, StringComparison.Ordinal);
        var lure = report.Findings.Single(f => f.Kind == FindingKinds.LureDelivered);
        Assert.Equal(Verdict.Malicious, lure.Verdict);
        Assert.Equal(["gbaker@corp.example", "lnguyen@corp.example"], report.BlastRadius.Mailboxes.Order());
        Assert.Equal(StopReason.ConfidenceReached, report.StopReason);
        Assert.True(report.Confidence >= 0.85);
        Assert.Equal(report.Steps.Select(s => $"{s.Tool}({s.Query})"), report.EvidenceChain);
    }

    [Fact]
    public async Task InvestigateAsync_RiskySignIn_StartsWithSignInHistoryThenChasesTheForeignAddress()
    {
        var (report, _) = await AgentFactory.RunAsync(AgentFactory.Investigation(Tools()), Scenarios.RiskySignIn().Record());

        Assert.Equal((ToolNames.SignInHistory, "user:kpatel"), (report.Steps[0].Tool, report.Steps[0].Query));
        Assert.Contains("identity alert", report.Steps[0].Reason, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.Kind == FindingKinds.ImpossibleTravel);
        Assert.Contains(report.Findings, f => f.Kind == FindingKinds.CompromisedAccount && f.Verdict == Verdict.Malicious);
        Assert.DoesNotContain(report.Steps, s => s.Tool == ToolNames.MailboxSearch);
    }

    [Fact]
    public async Task InvestigateAsync_TwoScenarios_TakeDifferentPathsForStatedReasons()
    {
        var agent = AgentFactory.Investigation(Tools());

        var (phishing, _) = await AgentFactory.RunAsync(agent, Scenarios.Phishing().Record());
        var (signIn, _) = await AgentFactory.RunAsync(agent, Scenarios.RiskySignIn().Record());

        Assert.NotEqual(phishing.Steps.Select(s => s.Tool), signIn.Steps.Select(s => s.Tool));
        Assert.All(phishing.Steps.Concat(signIn.Steps), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.All(phishing.Steps.Concat(signIn.Steps), s => Assert.False(string.IsNullOrWhiteSpace(s.Result)));
    }

    [Fact]
    public async Task InvestigateAsync_MaxStepsThree_StopsAtExactlyThree()
    {
        var agent = AgentFactory.Investigation(Tools(), TestPolicies.WithBudget(maxSteps: 3));

        var (report, checkpoints) = await AgentFactory.RunAsync(agent, Scenarios.BenignAdminLogin().Record());

        Assert.Equal(3, report.Steps.Count);
        Assert.Equal(StopReason.StepBudget, report.StopReason);
        Assert.Equal([1, 2, 3], checkpoints.Select(c => c.Steps.Count));
    }

    [Fact]
    public async Task InvestigateAsync_ApiBudget_StopsBeforeOverspending()
    {
        var agent = AgentFactory.Investigation(Tools(), TestPolicies.WithBudget(maxApiCalls: 2));

        var (report, _) = await AgentFactory.RunAsync(agent, Scenarios.BenignAdminLogin().Record());

        Assert.Equal(StopReason.ApiBudget, report.StopReason);
        Assert.True(report.Steps.Sum(s => s.ApiCalls) <= 2);
        Assert.NotEmpty(report.Steps);
    }

    [Fact]
    public async Task InvestigateAsync_TimeBudget_StopsWhenClockPassesLimit()
    {
        var clock = new FakeTimeProvider(AgentFactory.ClockStart);
        var store = _fixture.Load();
        var tools = new ToolRegistry(ToolRegistry.CreateDefault(store).All.Select(t => new CountingTool(t, clock, TimeSpan.FromMinutes(25))), store);
        var agent = AgentFactory.Investigation(tools, TestPolicies.WithBudget(maxDurationMinutes: 60), clock);

        var (report, _) = await AgentFactory.RunAsync(agent, Scenarios.BenignAdminLogin().Record());

        Assert.Equal(StopReason.TimeBudget, report.StopReason);
        Assert.Equal(3, report.Steps.Count);
        Assert.All(report.Steps, s => Assert.Equal(TimeSpan.FromMinutes(25).TotalMilliseconds, s.DurationMs));
    }

    [Fact]
    public async Task InvestigateAsync_ResumeFromCheckpoint_DoesNotRepeatSteps()
    {
        var store = _fixture.Load();
        var record = Scenarios.Phishing().Record();
        var (full, checkpoints) = await AgentFactory.RunAsync(AgentFactory.Investigation(Tools()), record);
        Assert.True(full.Steps.Count >= 3, "the scenario needs at least three steps");
        var partial = checkpoints[1];

        var counting = ToolRegistry.CreateDefault(store).All.Select(t => new CountingTool(t)).ToList();
        var (resumed, _) = await AgentFactory.RunAsync(AgentFactory.Investigation(new ToolRegistry(counting, store)), record, partial);

        var rerun = counting.SelectMany(t => t.Queries.Select(q => $"{t.Name}({q})")).ToList();
        Assert.Equal(full.Steps.Count - 2, rerun.Count);
        Assert.DoesNotContain(partial.EvidenceChain[0], rerun);
        Assert.DoesNotContain(partial.EvidenceChain[1], rerun);
        Assert.Equal(full.EvidenceChain, resumed.EvidenceChain);
        Assert.Equal(full.Findings.Select(f => f.Id), resumed.Findings.Select(f => f.Id));
    }

    [Fact]
    public async Task InvestigateAsync_BenignAdminLogin_ConcludesBenignWithoutMaliciousFindings()
    {
        var (report, _) = await AgentFactory.RunAsync(AgentFactory.Investigation(Tools()), Scenarios.BenignAdminLogin().Record());

        Assert.DoesNotContain(report.Findings, f => f.Verdict == Verdict.Malicious);
        Assert.Contains(report.Findings, f => f.Kind is FindingKinds.UsualLocation or FindingKinds.KnownFalsePositive);
        Assert.Contains("Close as benign and tune the rule if it recurs", report.Recommendations);
        // The user and its mailbox address are one account: its sign-ins are reviewed once.
        Assert.Single(report.Steps, s => s.Tool == ToolNames.SignInHistory);
    }
}
