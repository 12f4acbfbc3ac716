using System.Diagnostics;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Response;
using AgenticIR.Llm;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Llm;

/// <summary>The whole replay with the model reasoner against an OpenAI-compatible server: what a normal model changes,
/// and what a hostile, failing, garbage or slow model cannot change.</summary>
public sealed class ModelReplayTests(DeterministicBaselineFixture baseline) : IClassFixture<DeterministicBaselineFixture>
{
    private static async Task<ReplayRun> ReplayAsync(ModelServer server, CancellationToken ct, string? apiKey = null)
    {
        await using var harness = await ReplayHarness.CreateAsync(overrides: s => s.AddLlmReasoner(server.Settings(apiKey), new DeterministicReasoner()), cancellationToken: ct);
        return await harness.ReplayAsync(DeterministicBaselineFixture.Inputs, ct, lanes: 1);
    }

    [Fact]
    public async Task Replay_NormalModel_ProposalsUsedAndEveryInvestigationWithinBudget()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Normal();

        var run = await ReplayAsync(server, ct);

        var processed = run.Lines.Where(l => l.Status == "processed").ToList();
        Assert.NotEmpty(processed);
        Assert.All(processed, l =>
        {
            Assert.NotNull(l.Llm);
            Assert.InRange(l.Llm!.Calls, 1, 3);
            Assert.InRange(l.Llm.PromptTokens + l.Llm.CompletionTokens, 1, 6_000);
            Assert.Equal(0, l.Llm.Fallbacks);
        });
        Assert.Equal(processed.Sum(l => l.Llm!.Calls), server.Requests);
        // Every request is a non-streaming chat completion for the configured model with max_tokens set and no tools offered.
        Assert.All(server.RequestBodies(), body =>
        {
            Assert.Equal(ModelServer.Model, (string?)body["model"]);
            Assert.True(body["max_tokens"] is not null || body["max_completion_tokens"] is not null, body.ToJsonString());
            Assert.Null(body["tools"]);
            Assert.NotEqual(true, (bool?)body["stream"]);
        });
        // The model proposed "high": each severity is at most one step from the rules' and the rules' plan is kept.
        var rules = Decisions.Of(baseline.Run);
        foreach (var line in processed)
        {
            var expected = rules[line.Input];
            Assert.Equal(expected.Actions.Select(StripApproval), Decisions.Of(run)[line.Input].Actions.Select(StripApproval));
            Assert.InRange(Math.Abs(Rank(line.Severity) - Rank(expected.Severity)), 0, 1);
        }
        Assert.Contains(processed, l => l.Severity != rules[l.Input].Severity);
    }

    [Fact]
    public async Task Replay_HostileModel_SameActionsAndTargetsAndNoLooserApproval()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Hostile();

        var run = await ReplayAsync(server, ct);

        var rules = Decisions.Of(baseline.Run);
        var model = Decisions.Of(run);
        Assert.Equal(rules.Keys.Order(StringComparer.Ordinal), model.Keys.Order(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var (input, expected) in rules)
        {
            var got = model[input];
            if (got.Status != expected.Status) problems.Add($"{input}: status {got.Status}, rules {expected.Status}");
            if (!got.Actions.Select(StripApproval).SequenceEqual(expected.Actions.Select(StripApproval)))
                problems.Add($"{input}: actions {string.Join("; ", got.Actions)} but the rules planned {string.Join("; ", expected.Actions)}");
            else if (got.Actions.Zip(expected.Actions).Any(p => Looser(Approval(p.First), Approval(p.Second))))
                problems.Add($"{input}: approval looser than the rules': {string.Join("; ", got.Actions)} vs {string.Join("; ", expected.Actions)}");
            if (Math.Abs(Rank(got.Severity) - Rank(expected.Severity)) > 1) problems.Add($"{input}: severity {got.Severity}, rules {expected.Severity}");
            if (PathRank(got.Path) < PathRank(expected.Path)) problems.Add($"{input}: path {got.Path} less cautious than the rules' {expected.Path}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Its out-of-schema answers were all discarded, visibly.
        Assert.All(run.Lines.Where(l => l.Status == "processed"), l => Assert.True(l.Llm!.Fallbacks >= 1, $"{l.Input}: no fallback recorded"));
    }

    public static TheoryData<string> FailingModels => new("500", "429", "401", "garbage", "prose", "empty", "slow");

    [Theory]
    [MemberData(nameof(FailingModels))]
    public async Task Replay_FailingModel_DecisionsEqualTheDeterministicRun(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = kind switch
        {
            "500" => ModelServer.Status(500),
            "429" => ModelServer.Status(429),
            "401" => ModelServer.Status(401),
            "garbage" => ModelServer.Garbage(),
            "prose" => ModelServer.Prose(),
            "empty" => ModelServer.Empty(),
            _ => ModelServer.Slow(),
        };
        var clock = Stopwatch.StartNew();

        var run = await ReplayAsync(server, ct);

        var rules = Decisions.Of(baseline.Run);
        var model = Decisions.Of(run);
        Assert.Equal(rules.Count, model.Count);
        Assert.All(rules, pair => Assert.Equal(pair.Value, model[pair.Key], DecisionsComparer.Instance));
        var processed = run.Lines.Where(l => l.Status == "processed").ToList();
        Assert.All(processed, l => Assert.InRange(l.Llm!.Calls, 0, 3));
        Assert.All(processed, l => Assert.True(l.Llm!.Fallbacks >= 1, $"{l.Input}: fallback not recorded"));
        // Bounded: the per-request timeout and the circuit breaker keep a dead endpoint from costing each alert its timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
        Assert.True(server.Requests < processed.Count * 3, $"{server.Requests} requests for {processed.Count} investigations: the breaker never opened");
    }

    [Fact]
    public async Task Replay_ModelReportsLargeUsage_NoRequestPastTheTokenBudget()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Normal(promptTokens: 5_200, completionTokens: 300);

        var run = await ReplayAsync(server, ct);

        var processed = run.Lines.Where(l => l.Status == "processed").ToList();
        Assert.All(processed, l =>
        {
            // The first reply spent 5,500 of 6,000 tokens: nothing more is asked, and the rest is the rules', visibly.
            Assert.Equal(1, l.Llm!.Calls);
            Assert.True(l.Llm.Fallbacks >= 1);
        });
        Assert.Equal(processed.Count, server.Requests);
    }

    private static string StripApproval(string action) => action[..action.LastIndexOf(" [", StringComparison.Ordinal)];

    private static ApprovalStatus Approval(string action) =>
        Enum.Parse<ApprovalStatus>(Pascal(action[(action.LastIndexOf('[') + 1)..^1]));

    private static string Pascal(string snake) => string.Concat(snake.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static bool Looser(ApprovalStatus model, ApprovalStatus rules) => model == ApprovalStatus.AutoApproved && rules != ApprovalStatus.AutoApproved;

    private static int Rank(string? severity) => severity switch
    {
        "informational" => 0,
        "low" => 1,
        "medium" => 2,
        "high" => 3,
        "critical" => 4,
        _ => -10,
    };

    private static int PathRank(string? path) => path switch { "autonomous" => 0, "assisted" => 1, "manual" => 2, _ => -1 };

    private sealed class DecisionsComparer : IEqualityComparer<Decisions>
    {
        public static readonly DecisionsComparer Instance = new();

        public bool Equals(Decisions? x, Decisions? y) =>
            x is not null && y is not null && x.Status == y.Status && x.Severity == y.Severity && x.Path == y.Path && x.Actions.SequenceEqual(y.Actions);

        public int GetHashCode(Decisions obj) => obj.Status.GetHashCode(StringComparison.Ordinal);
    }
}
