using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Replay;

public sealed class StageFailureTests
{
    /// <summary>A reasoner whose summaries fail while <see cref="Down"/> is set, like an LLM endpoint that is down.</summary>
    private sealed class FlakyReasoner : IReasoner
    {
        private readonly DeterministicReasoner _inner = new();

        public bool Down { get; set; } = true;

        public string Name => "flaky";

        public Task<string> ExplainTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken) =>
            _inner.ExplainTriageAsync(investigation, draft, cancellationToken);

        public Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken) =>
            _inner.ChooseNextStepAsync(context, candidates, cancellationToken);

        public Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken) =>
            Down ? throw new InvalidOperationException("summary service down") : _inner.SummarizeAsync(investigation, cancellationToken);
    }

    [Fact]
    public async Task Replay_StageThrows_InvestigationKeptAtItsStageDeadLetteredAndFinishedByTheNextRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("agentic-ir-stage-");
        var reasoner = new FlakyReasoner();
        var sample = Path.Combine(RepoPaths.Samples, "alerts", "13-lateral-psexec-fin-db01.json");
        string id;

        await using (var first = await ReplayHarness.CreateAsync(cancellationToken: ct, overrides: s => s.AddSingleton<IReasoner>(reasoner), work: work))
        {
            var run = await first.ReplayAsync([sample], ct);
            id = Assert.Single(run.Lines).InvestigationId!;
            var stuck = await first.InvestigationAsync(id, ct);
            Assert.NotEqual(InvestigationStage.Documented, stuck.Stage);
            var dead = Assert.Single(await first.Pipeline.Store.ListDeadLettersAsync(10, ct));
            Assert.StartsWith("stage:", dead.Source, StringComparison.Ordinal);
            Assert.Contains("summary service down", dead.Reason, StringComparison.Ordinal);
        }

        reasoner.Down = false;
        await using (var second = await ReplayHarness.CreateAsync(cancellationToken: ct, overrides: s => s.AddSingleton<IReasoner>(reasoner), work: work))
        {
            var run = await second.ReplayAsync([sample], ct);
            Assert.True(Assert.Single(run.Lines).PreviouslyRecorded);
            var finished = await second.InvestigationAsync(id, ct);
            Assert.Equal(InvestigationStage.Documented, finished.Stage);
            Assert.True(File.Exists(Path.Combine(second.ReportsFolder, id + ".md")));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
    }
}
