using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Worker.Evaluation;

namespace AgenticIR.Worker.Tests.Evaluation;

public sealed class EvaluationMetricsTests
{
    private static LabelledRecord Record(string[] techniques, Severity? reference = null, Dictionary<string, IReadOnlyList<string>>? candidates = null, string payload = "{}") => new()
    {
        Line = 1,
        Id = "r1",
        Format = "test",
        Payload = JsonDocument.Parse(payload).RootElement.Clone(),
        ExpectedTechniques = techniques,
        ReferenceSeverity = reference,
        TechniqueCandidates = candidates ?? new Dictionary<string, IReadOnlyList<string>>(),
    };

    private static ProductJudgement Judged(string[]? techniques = null, Severity? severity = null, params Observable[] observables) => new()
    {
        Status = "processed",
        Techniques = techniques ?? [],
        Severity = severity,
        Observables = observables,
    };

    [Theory]
    [InlineData("T1566.002", "T1566")]
    [InlineData("t1059.001", "T1059")]
    [InlineData("T1110", "T1110")]
    [InlineData(" T1204 ", "T1204")]
    public void Parent_TechniqueId_IsItsParentInUpperCase(string id, string parent) => Assert.Equal(parent, EvaluationMetrics.Parent(id));

    [Fact]
    public void Score_SubTechniqueExpectedAndOtherSubTechniqueReported_HitAtParentLevel()
    {
        var scored = EvaluationScorer.Score(Record(["T1566.002", "T1566.001"]), Judged(["T1566.003"]));

        Assert.Equal(["T1566"], scored.ExpectedTechniques);
        Assert.Empty(scored.MissedTechniques);
    }

    [Fact]
    public void Score_NewerIdExpectedAndOlderCandidateReported_CountsAsHit()
    {
        var candidates = new Dictionary<string, IReadOnlyList<string>> { ["T1685"] = ["T1562", "T1562.001"] };

        var hit = EvaluationScorer.Score(Record(["T1685", "T1055"], candidates: candidates), Judged(["T1562.001", "T1055.012"]));
        var miss = EvaluationScorer.Score(Record(["T1685"], candidates: candidates), Judged(["T1055"]));

        Assert.Empty(hit.MissedTechniques);
        Assert.Equal(["T1685"], miss.MissedTechniques);
    }

    [Fact]
    public void Score_NothingReported_EveryExpectedParentMissed()
    {
        var scored = EvaluationScorer.Score(Record(["T1566", "T1204.002", "T1587"]), Judged());

        Assert.Equal(["T1566", "T1204", "T1587"], scored.MissedTechniques);
    }

    [Theory]
    [InlineData(Severity.High, Severity.High, true)]
    [InlineData(Severity.Medium, Severity.High, true)]
    [InlineData(Severity.Critical, Severity.High, true)]
    [InlineData(Severity.Low, Severity.High, false)]
    [InlineData(Severity.Informational, Severity.Medium, false)]
    [InlineData(Severity.Informational, Severity.Low, true)]
    public void WithinOneStep_OursAgainstReference_AtMostOneStepApart(Severity ours, Severity reference, bool within) =>
        Assert.Equal(within, EvaluationMetrics.WithinOneStep(ours, reference));

    [Fact]
    public void WithinOneStep_NotTriaged_IsAMiss() => Assert.False(EvaluationMetrics.WithinOneStep(null, Severity.Informational));

    [Fact]
    public void Score_NoReferenceSeverity_LeavesSeverityOutOfTheFigure()
    {
        var scored = EvaluationScorer.Score(Record([]), Judged(severity: Severity.Critical));

        Assert.Null(scored.SeverityWithinOneStep);
        Assert.Equal(0, EvaluationFigures.Of([scored]).SeverityWithinOneStep.Total);
    }

    [Fact]
    public void Score_ObservablesOfAnyTypeAndCase_MatchedByValueWithIpv6Canonical()
    {
        var record = Record([], payload: """{"a": "185.220.101.4", "b": "2a00:1450:4001:81c::200e", "c": "Bad.Actor@Evil-Mail.io", "d": "44d88612fea8a8f36de82e1278abb02f"}""");
        var judged = Judged(null, null,
            new Observable(ObservableType.Ipv4, "185.220.101.4") { Origin = ObservableOrigin.FreeText },
            new Observable(ObservableType.Ipv6, "2A00:1450:4001:081C:0:0:0:200E"),
            new Observable(ObservableType.User, "bad.actor@evil-mail.io"));

        var scored = EvaluationScorer.Score(record, judged);

        Assert.Equal(4, scored.ExpectedObservables);
        Assert.Equal(["md5 44d88612fea8a8f36de82e1278abb02f"], scored.MissedObservables);
    }

    [Fact]
    public void Of_SeveralRecords_MicroAveragesHitsOverTotals()
    {
        var big = EvaluationScorer.Score(
            Record(["T1566", "T1204", "T1587"], Severity.High, payload: """{"ips": ["185.220.101.4", "185.220.101.5", "185.220.101.6"]}"""),
            Judged(["T1566"], Severity.Low, new Observable(ObservableType.Ipv4, "185.220.101.4")));
        var small = EvaluationScorer.Score(Record(["T1110"], Severity.Medium, payload: """{"ip": "91.198.174.192"}"""),
            Judged(["T1110.003"], Severity.High, new Observable(ObservableType.Ipv4, "91.198.174.192")));
        var empty = EvaluationScorer.Score(Record([]), Judged());

        var figures = EvaluationFigures.Of([big, small, empty]);

        Assert.Equal(new Ratio(2, 4), figures.ObservableRecall);
        Assert.Equal(new Ratio(2, 4), figures.AttackRecall);
        Assert.Equal(new Ratio(1, 2), figures.SeverityWithinOneStep);
        Assert.Equal(1, figures.RecordsWithoutExpectedObservables);
        Assert.Equal(new Ratio(3, 3), figures.Processed);
    }

    [Fact]
    public void Of_DeadLetteredWithoutReason_NotCountedAsProcessed()
    {
        var withReason = EvaluationScorer.Score(Record([]), new ProductJudgement { Status = "dead_lettered", Reason = "invalid JSON" });
        var without = EvaluationScorer.Score(Record([]), new ProductJudgement { Status = "dead_lettered" });
        var failed = EvaluationScorer.Score(Record([]), new ProductJudgement { Status = "failed", Reason = "stopped at stage Triaged" });

        Assert.Equal(new Ratio(1, 3), EvaluationFigures.Of([withReason, without, failed]).Processed);
    }
}
