using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Shadow;
using AgenticIR.Splunk.Graduation;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Splunk.Tests.Graduation;

public sealed class GraduationEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_199Of200AgreeNoHarm_PromoteToAutonomous()
    {
        var row = Single(Comparisons(200, severityMisses: 1, dispositionMisses: 0));

        Assert.Equal(GraduationRecommendation.PromoteToAutonomous, row.Recommendation);
        Assert.Equal("promote to autonomous", row.RecommendationText);
        Assert.Equal(200, row.Samples);
        Assert.Equal(0.972, row.SeverityAgreement.Lower, 3);
        Assert.Equal(0.981, row.DispositionAgreement.Lower, 3);
    }

    [Fact]
    public void Evaluate_190Of200Agree_StayBecauseLowerBoundBelowCriterion()
    {
        var row = Single(Comparisons(200, severityMisses: 10, dispositionMisses: 0));

        Assert.Equal(GraduationRecommendation.Stay, row.Recommendation);
        Assert.Equal(0.910, row.SeverityAgreement.Lower, 3);
        Assert.Equal("agreement lower bound 0.910 < 0.950", row.Reason);
    }

    [Fact]
    public void Evaluate_150Comparisons_InsufficientEvidence()
    {
        var row = Single(Comparisons(150, severityMisses: 0, dispositionMisses: 0));

        Assert.Equal(GraduationRecommendation.InsufficientEvidence, row.Recommendation);
        Assert.Equal("insufficient evidence", row.RecommendationText);
    }

    [Fact]
    public void Evaluate_NoComparisons_NoRows()
    {
        Assert.Empty(GraduationEvaluator.Evaluate([], GraduationCriteria.Default, Now).Rows);
    }

    [Fact]
    public void Evaluate_OneHarmfulDisagreement_StayWhateverTheAgreement()
    {
        var comparisons = Comparisons(300, 0, 0);
        comparisons[17] = comparisons[17] with { HarmfulDisagreement = true };

        var row = Single(comparisons);

        Assert.Equal(GraduationRecommendation.Stay, row.Recommendation);
        Assert.Equal(1, row.HarmfulDisagreements);
    }

    [Fact]
    public void Evaluate_DispositionUnknownForMost_CountsOnlyComparableOnes()
    {
        var comparisons = Comparisons(250, 0, 0);
        for (var i = 0; i < 100; i++) comparisons[i] = comparisons[i] with { DispositionAgreement = null };

        var row = Single(comparisons);

        Assert.Equal(150, row.DispositionAgreement.Total);
        Assert.Equal(GraduationRecommendation.InsufficientEvidence, row.Recommendation);
    }

    [Fact]
    public void Evaluate_OutsideWindow_Ignored()
    {
        var comparisons = Comparisons(200, 0, 0);
        comparisons[0] = comparisons[0] with { ObservedAt = Now.AddDays(-31) };

        Assert.Equal(199, Single(comparisons).Samples);
    }

    [Fact]
    public void Evaluate_PlaybooksAndSeverities_OneRowEachSortedWithTotals()
    {
        var comparisons = new List<ShadowComparisonFacts>
        {
            Records.ShadowComparison("phishing_triage", Severity.Medium, at: Now.AddDays(-1), n: 1),
            Records.ShadowComparison("phishing_triage", Severity.Low, at: Now.AddDays(-1), n: 2),
            Records.ShadowComparison("malware_containment", Severity.High, at: Now.AddDays(-1), n: 3),
            Records.ShadowComparison("phishing_triage", Severity.Low, at: Now.AddDays(-2), n: 4),
        };

        var rows = GraduationEvaluator.Evaluate(comparisons, GraduationCriteria.Default, Now).Rows;

        Assert.Equal([("malware_containment", Severity.High), ("phishing_triage", Severity.Low), ("phishing_triage", Severity.Medium)],
            rows.Select(r => (r.Playbook, r.Severity)));
        Assert.Equal(4, rows[1].ExtraFindings);
        Assert.Equal(0.5, rows[1].MeanActionOverlap);
    }

    private static GraduationRow Single(IEnumerable<ShadowComparisonFacts> comparisons) =>
        Assert.Single(GraduationEvaluator.Evaluate(comparisons, GraduationCriteria.Default, Now).Rows);

    private static List<ShadowComparisonFacts> Comparisons(int count, int severityMisses, int dispositionMisses) =>
        [.. Enumerable.Range(0, count).Select(i => Records.ShadowComparison(
            severityAgrees: i >= severityMisses, dispositionAgrees: i >= dispositionMisses, at: Now.AddHours(-1 - i), n: i))];
}
