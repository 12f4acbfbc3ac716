using AgenticIR.Core.Alerts;
using AgenticIR.Worker.Evaluation;

namespace AgenticIR.Worker.Tests.Evaluation;

public sealed class LabelledFileReaderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Read_MalformedLines_ReportedWithLineNumberAndTheRestRead()
    {
        File.WriteAllLines(_file,
        [
            """{"id": "a", "format": "ecs", "payload": {"x": 1}, "labels": {"expected_techniques": ["T1566.002"], "reference_severity": "high"}, "source_labels": {"attack_v19_to_v18_candidates": {"T1685": ["T1562"]}}}""",
            """{"id": "b", "payload": """,
            "",
            """{"id": "c", "format": "eml_rfc822", "payload": "From: a@b.io\nSubject: hi\n\nbody"}""",
            """{"id": "d", "labels": {}}""",
            """{"id": "e", "payload": {}, "labels": {"reference_severity": "severe"}}""",
            "[1, 2]",
        ]);

        var corpus = LabelledFileReader.Read(_file);

        Assert.Equal(["a", "c"], corpus.Records.Select(r => r.Id));
        Assert.Equal([2, 5, 6, 7], corpus.Malformed.Select(m => m.Line));
        Assert.Contains("invalid JSON", corpus.Malformed[0].Reason, StringComparison.Ordinal);
        Assert.Equal("no payload", corpus.Malformed[1].Reason);
        Assert.Contains("reference_severity", corpus.Malformed[2].Reason, StringComparison.Ordinal);
        var a = corpus.Records[0];
        Assert.Equal((1, "ecs", Severity.High), (a.Line, a.Format, a.ReferenceSeverity));
        Assert.Equal(["T1562"], a.TechniqueCandidates["T1685"]);
        var c = corpus.Records[1];
        Assert.Equal((4, "From: a@b.io\nSubject: hi\n\nbody"), (c.Line, c.Content));
    }
}
