using AgenticIR.Agents.Learning;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Agents.Tests.Learning;

public sealed class LearningAgentTests
{
    private static readonly Observable PhishDomain = new(ObservableType.Domain, Alerts.Domain);

    private static FeedbackReport Analyze(Scenario scenario)
    {
        var record = scenario.Build();
        var plan = new ResponsePlanner(TestCatalog.Standard(), TestPolicies.Default().Provider()).Plan(record);
        return new LearningAgent(TestPolicies.Default().Provider()).Analyze(record with { Plan = plan });
    }

    private static Scenario ContainedPhish() => Scenario.Phishing()
        .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain, techniques: ["T1566.002"]));

    [Fact]
    public void Analyze_FalsePositiveWithContainmentPlanned_ProposesLoweringAlertFidelityFromItsCurrentValue()
    {
        var feedback = Analyze(ContainedPhish().WithOutcome(new IncidentOutcome
            { Disposition = Disposition.FalsePositive, ActualSeverity = Severity.Low, ActionsTaken = ["create_ticket"] }));

        var proposal = Assert.Single(feedback.Proposals, p => p.Parameter == "triage.weights.alert_fidelity");
        Assert.Equal(("0.15", "0.12"), (proposal.Current, proposal.Proposed));
        Assert.Contains("Phishing URL clicked", proposal.Rationale);
        Assert.Contains(feedback.Insights, i => i.Type == "false_positive_containment" && i.Evidence.Contains("block_domain", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_SeverityOverRated_ScoresAccuracyAndProposesRaisingThatThreshold()
    {
        var feedback = Analyze(ContainedPhish().WithOutcome(new IncidentOutcome { ActualSeverity = Severity.Low }));

        Assert.Equal(0.5, feedback.TriageAccuracy);
        var proposal = Assert.Single(feedback.Proposals, p => p.Parameter == "triage.severity_scores.high");
        var current = TestPolicies.Default().Triage.SeverityScores[Severity.High];
        Assert.Equal((Format(current), Format(current + 0.05)), (proposal.Current, proposal.Proposed));
    }

    [Fact]
    public void Analyze_ExactSeverity_IsFullyAccurateWithoutProposals()
    {
        var feedback = Analyze(ContainedPhish().WithOutcome(new IncidentOutcome
            { ActualSeverity = Severity.High, Disposition = Disposition.TruePositive, ActionsTaken = ["block_domain"] }));

        Assert.Equal(1.0, feedback.TriageAccuracy);
        Assert.Empty(feedback.Proposals);
    }

    [Fact]
    public void Analyze_ActionsTaken_EffectivenessIsTheOverlapWithThePlan()
    {
        // Planned: block_domain, create_ticket, send_notification. Taken: block_domain, reset_password.
        var feedback = Analyze(ContainedPhish().WithOutcome(new IncidentOutcome
            { ActualSeverity = Severity.High, Disposition = Disposition.TruePositive, ActionsTaken = ["block_domain", "reset_password"] }));

        Assert.Equal(0.25, feedback.ResponseEffectiveness);
        Assert.Contains(feedback.Insights, i => i.Type == "response_gap" && i.Description.Contains("reset_password", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_NoOutcome_LeavesScoresNullButComputesEfficiencyAndGaps()
    {
        var alert = Alerts.Phishing() with { Observables = [new(ObservableType.Email, Alerts.Sender, "sender"), new(ObservableType.Domain, Alerts.Domain)] };
        var feedback = Analyze(new Scenario().WithAlert(alert).WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain)));

        Assert.False(feedback.OutcomeKnown);
        Assert.Null(feedback.TriageAccuracy);
        Assert.Null(feedback.ResponseEffectiveness);
        Assert.InRange(feedback.InvestigationEfficiency, 0.01, 1);
        Assert.Contains(feedback.DetectionGaps, g => g.Contains("without a URL observable", StringComparison.Ordinal));
        Assert.Contains(feedback.DetectionGaps, g => g.Contains("T1204.001", StringComparison.Ordinal) && g.Contains("not confirmed", StringComparison.Ordinal));
        Assert.Empty(feedback.Proposals);
    }

    [Fact]
    public void Analyze_FindingTechniqueNoRuleReported_IsADetectionGap()
    {
        var feedback = Analyze(ContainedPhish()
            .WithFinding(Findings.Of("F2", "lateral_movement", new Observable(ObservableType.User, "cfo"))));

        Assert.Contains(feedback.DetectionGaps, g => g.Contains("T1021.002", StringComparison.Ordinal) && g.Contains("no detection rule", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_EfficientInvestigation_ScoresHigherThanOneThatExhaustedItsBudget()
    {
        var quick = Analyze(ContainedPhish().StoppedBy(StopReason.ConfidenceReached, 0.9, 2));
        var exhausted = Analyze(ContainedPhish().StoppedBy(StopReason.StepBudget, 0.7, 20));

        Assert.True(quick.InvestigationEfficiency > exhausted.InvestigationEfficiency, $"{quick.InvestigationEfficiency} vs {exhausted.InvestigationEfficiency}");
        var proposal = Assert.Single(exhausted.Proposals, p => p.Parameter == "circuit_breakers.per_investigation.max_steps");
        Assert.Equal(("20", "25"), (proposal.Current, proposal.Proposed));
    }

    private static string Format(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
