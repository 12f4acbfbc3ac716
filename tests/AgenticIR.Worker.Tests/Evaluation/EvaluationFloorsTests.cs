using System.Globalization;
using System.Text.Json;
using AgenticIR.Testing;
using AgenticIR.Worker.Evaluation;
using AgenticIR.Worker.Hosting;

namespace AgenticIR.Worker.Tests.Evaluation;

[Collection("evaluation")]
public sealed class EvaluationFloorsTests
{
    private static readonly string CorpusFolder = Path.Combine(RepoPaths.Root, "tests", "TestData", "corpus");

    [Fact]
    public async Task Evaluate_DevelopmentCorpus_NoFigureBelowItsFloor()
    {
        var ct = TestContext.Current.CancellationToken;
        using var floors = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(CorpusFolder, "eval-floors.json"), ct));
        await using var workspace = await EvaluationWorkspace.CreateAsync(ResolvedPaths.From(new WorkerOptions { Home = RepoPaths.Root }), ct);

        var report = await new EvaluationRunner(workspace.Pipeline).RunAsync(Path.Combine(CorpusFolder, "dev-alerts.jsonl"), ct);

        Assert.Empty(report.MalformedLines);
        var figures = new Dictionary<string, Ratio>
        {
            ["processed"] = report.Overall.Processed,
            ["observable_recall"] = report.Overall.ObservableRecall,
            ["attack_recall"] = report.Overall.AttackRecall,
            ["severity_within_one_step"] = report.Overall.SeverityWithinOneStep,
        };
        var below = figures
            .Select(f => (Name: f.Key, Measured: f.Value.Value ?? 0, Floor: floors.RootElement.GetProperty(f.Key).GetDouble()))
            .Where(f => f.Measured < f.Floor - 1e-9)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Measured:0.000} < floor {f.Floor:0.00}"))
            .ToList();
        Assert.True(below.Count == 0, string.Join("; ", below) + " — run `agentic-ir eval tests/TestData/corpus/dev-alerts.jsonl` for the misses");
    }
}
