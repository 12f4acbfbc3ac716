using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Shadow;
using AgenticIR.Governance.Demotion;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Governance.Tests.Demotion;

public sealed class DemotionMonitorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    // phishing_triage: autonomous for low only; medium stays assisted.
    private static readonly ModeAssignment Phishing = new("phishing_triage", PlaybookMode.Assisted,
        new Dictionary<Severity, PlaybookMode> { [Severity.Low] = PlaybookMode.Autonomous });

    [Fact]
    public void Evaluate_LiveAgreementBelowFloor_DemoteToAssisted()
    {
        var decision = Assert.Single(new DemotionMonitor().Evaluate(Live(30, misses: 5), [Phishing], GraduationCriteria.Default, Now));

        Assert.True(decision.Demote);
        Assert.Equal(PlaybookMode.Assisted, decision.To);
        Assert.Equal(Severity.Low, decision.Severity);
        Assert.Equal(25.0 / 30, decision.LiveAgreement!.Value, 6);
        Assert.Equal("live agreement 0.833 < floor 0.900 over 30 comparisons", decision.Reason);
    }

    [Fact]
    public void Evaluate_LiveAgreementAboveFloor_Keep()
    {
        var decision = Assert.Single(new DemotionMonitor().Evaluate(Live(30, misses: 2), [Phishing], GraduationCriteria.Default, Now));

        Assert.False(decision.Demote);
    }

    [Fact]
    public void Evaluate_FewLiveComparisons_LowRateDoesNotDemoteYet()
    {
        var decision = Assert.Single(new DemotionMonitor().Evaluate(Live(5, misses: 3), [Phishing], GraduationCriteria.Default, Now));

        Assert.False(decision.Demote);
        Assert.Equal("5 comparable comparisons < 20 needed to judge", decision.Reason);
    }

    [Fact]
    public void Evaluate_OneHarmfulDisagreement_DemoteAtOnce()
    {
        var live = Live(3, misses: 0);
        live[1] = live[1] with { HarmfulDisagreement = true };

        var decision = Assert.Single(new DemotionMonitor().Evaluate(live, [Phishing], GraduationCriteria.Default, Now));

        Assert.True(decision.Demote);
        Assert.Equal(1, decision.HarmfulDisagreements);
    }

    [Fact]
    public void Evaluate_NotAutonomousOrOldEvidence_NotJudged()
    {
        var assisted = new ModeAssignment("phishing_triage", PlaybookMode.Assisted, new Dictionary<Severity, PlaybookMode>());
        Assert.Empty(new DemotionMonitor().Evaluate(Live(30, misses: 30), [assisted], GraduationCriteria.Default, Now));

        var old = Live(30, misses: 30).Select(c => c with { ObservedAt = Now.AddDays(-8) });
        Assert.False(Assert.Single(new DemotionMonitor().Evaluate(old, [Phishing], GraduationCriteria.Default, Now)).Demote);
    }

    [Fact]
    public void Evaluate_DefaultAutonomous_EverySeverityJudged()
    {
        var all = new ModeAssignment("phishing_triage", PlaybookMode.Autonomous, new Dictionary<Severity, PlaybookMode>());

        Assert.Equal(5, new DemotionMonitor().Evaluate([], [all], GraduationCriteria.Default, Now).Count);
    }

    private static List<ShadowComparisonFacts> Live(int count, int misses) =>
        [.. Enumerable.Range(0, count).Select(i => Records.ShadowComparison(severity: Severity.Low, dispositionAgrees: i >= misses, at: Now.AddHours(-1 - i), n: i))];
}
