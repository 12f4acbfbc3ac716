using System.Text.Json;
using AgenticIR.Worker.Commands;
using AgenticIR.Worker.Tests.GovernanceCli;

namespace AgenticIR.Worker.Tests.Evaluation;

// One collection with the floors test: both count the evaluation's temporary folders.
[Collection("evaluation")]
public sealed class EvalCommandTests : IDisposable
{
    private const string Alert = """{"title": "Impossible travel sign-in", "src_ip": "185.220.101.4", "user": "kpatel", "severity": "high"}""";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-evalcmd-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Corpus(params string[] lines)
    {
        var path = Path.Combine(_work.FullName, "labelled.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Line(string id, string format, string payload, string labels = """{"expected_techniques": [], "reference_severity": "high"}""") =>
        $$"""{"id": "{{id}}", "format": "{{format}}", "payload": {{payload}}, "labels": {{labels}}, "provenance": "test"}""";

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync(EvalCommand.Create, TestContext.Current.CancellationToken, ["eval", .. args]);

    [Fact]
    public async Task Eval_MalformedLine_ExitsZeroListingTheLineBesideTheFigures()
    {
        var corpus = Corpus(Line("good", "generic", Alert), """{"id": "broken", "payload": {""");

        var (code, output) = await RunAsync(corpus);

        Assert.True(code == 0, output);
        foreach (var part in new[] { "Evaluation summary", "By format", "processed share", "observable recall", "malformed lines", "line 2", "invalid JSON" })
            Assert.Contains(part, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MissingFile_ExitsTwo()
    {
        var (code, output) = await RunAsync(Path.Combine(_work.FullName, "nope.jsonl"));

        Assert.Equal(2, code);
        Assert.Contains("No such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Json_OneDocumentWithFiguresPerFormatAndEachRecordsMisses()
    {
        var corpus = Corpus(
            Line("hit", "generic", Alert),
            Line("miss", "other", """{"title": "Beacon", "note": "sha1 of the dropper: 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"}""",
                """{"expected_techniques": ["T1071.001"], "reference_severity": null}"""));

        var (code, output) = await RunAsync(corpus, "--json");

        Assert.True(code == 0, output);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("overall").GetProperty("records").GetInt32());
        Assert.Equal(1.0, root.GetProperty("overall").GetProperty("processed").GetProperty("value").GetDouble());
        Assert.Equal(["generic", "other"], root.GetProperty("by_format").EnumerateObject().Select(p => p.Name));
        var miss = root.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "miss");
        Assert.Equal(["T1071"], miss.GetProperty("missed_techniques").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, miss.GetProperty("severity_within_one_step").ValueKind);
        Assert.True(miss.GetProperty("has_miss").GetBoolean());
    }

    [Fact]
    public async Task Eval_RecordsWithTheSameFingerprint_EachJudgedOnItsOwn()
    {
        var corpus = Corpus(Line("first", "generic", Alert), Line("second", "generic", Alert), Line("third", "generic", Alert));

        var (code, output) = await RunAsync(corpus, "--json");

        Assert.True(code == 0, output);
        using var document = JsonDocument.Parse(output);
        var records = document.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(3, records.Count);
        // Replayed, the second and third would merge into the first investigation and have no triage of their own.
        Assert.All(records, r => Assert.Equal("processed", r.GetProperty("status").GetString()));
        Assert.All(records, r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("severity").ValueKind));
    }

    [Fact]
    public async Task Eval_Run_LeavesNoDatabaseOrReportsBehind()
    {
        var before = EvaluationFolders();
        var corpus = Corpus(Line("one", "generic", Alert));

        var (code, output) = await RunAsync(corpus, "--db", Path.Combine(_work.FullName, "operator.db"));

        Assert.True(code == 0, output);
        Assert.Equal(before, EvaluationFolders());
        Assert.Equal(["labelled.jsonl"], _work.EnumerateFileSystemInfos().Select(f => f.Name));
    }

    private static List<string> EvaluationFolders() =>
        [.. Directory.EnumerateDirectories(Path.GetTempPath(), "agentic-ir-eval-*").Order(StringComparer.Ordinal)];
}
