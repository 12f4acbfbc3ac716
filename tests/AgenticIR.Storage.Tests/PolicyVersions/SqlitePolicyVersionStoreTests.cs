using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.PolicyVersions;

public sealed class SqlitePolicyVersionStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-policy-versions-");
    private SqliteStateStore _state = null!;
    private SqliteStoreOptions Options => new() { Path = Path.Combine(_work.FullName, "state.db") };

    public async ValueTask InitializeAsync()
    {
        _state = new SqliteStateStore(Options, new FakeTimeProvider(T0));
        await _state.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static PolicyVersionCandidate Candidate(string hash, int minutes, string by = "policy_file", string kind = PolicyVersion.PolicyKind) =>
        new(hash, "/etc/agentic-ir/governance.yaml", by, kind, T0.AddMinutes(minutes));

    [Fact]
    public async Task Record_NewHashes_NumberedInOrderWithPrevious()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqlitePolicyVersionStore(Options);

        var first = await store.RecordAsync(Candidate("aaa", 0, "startup"), ct);
        var second = await store.RecordAsync(Candidate("bbb", 5, "alice", PolicyVersion.CalibrationKind), ct);

        Assert.True(first.Created);
        Assert.Null(first.Previous);
        Assert.Equal(1, first.Version.Version);
        Assert.True(second.Created);
        Assert.Equal(2, second.Version.Version);
        Assert.Equal("aaa", second.Previous?.Hash);
        Assert.Equal(new PolicyVersion(2, "bbb", T0.AddMinutes(5), "/etc/agentic-ir/governance.yaml", "alice", PolicyVersion.CalibrationKind), await store.LatestAsync(ct));
    }

    [Fact]
    public async Task Record_SameHashAsLatest_NoNewRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqlitePolicyVersionStore(Options);
        await store.RecordAsync(Candidate("aaa", 0), ct);

        var again = await store.RecordAsync(Candidate("aaa", 10, "startup"), ct);

        Assert.False(again.Created);
        Assert.Equal(1, again.Version.Version);
        Assert.Single(await store.ListAsync(T0.AddDays(-1), ct));
    }

    [Fact]
    public async Task Record_RevertToEarlierContent_IsANewVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqlitePolicyVersionStore(Options);
        await store.RecordAsync(Candidate("aaa", 0), ct);
        await store.RecordAsync(Candidate("bbb", 1), ct);

        var reverted = await store.RecordAsync(Candidate("aaa", 2), ct);

        Assert.True(reverted.Created);
        Assert.Equal(3, reverted.Version.Version);
    }

    [Fact]
    public async Task Record_TwoWorkersConcurrently_SameHashRecordedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = new SqlitePolicyVersionStore(Options);
        var b = new SqlitePolicyVersionStore(Options);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).RecordAsync(Candidate("ccc", i), ct)));

        Assert.Single(results, r => r.Created);
        Assert.Single(await a.ListAsync(T0.AddDays(-1), ct));
    }

    [Fact]
    public async Task Decide_PendingProposal_LeavesQueueAndIsReadBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqlitePolicyVersionStore(Options);
        await _state.AddProposalAsync("inv-1", new CalibrationProposal("triage.severity_scores.high", "0.55", "0.60", "over-rated"), ct);
        await _state.AddProposalAsync("inv-2", new CalibrationProposal("triage.severity_scores.low", "0.15", "0.10", "under-rated"), ct);
        var pending = await _state.ListProposalsAsync(ct);
        var decision = new ProposalDecision(pending[0].Id, ProposalDecision.Rejected, "alice", T0.AddMinutes(3), "too aggressive", null);

        Assert.True(await store.DecideAsync(decision, ct));

        Assert.Equal([pending[1].Id], (await _state.ListProposalsAsync(ct)).Select(p => p.Id));
        Assert.Equal(decision, await store.GetDecisionAsync(pending[0].Id, ct));
        Assert.Equal([decision], await store.ListDecisionsAsync(T0, ct));
    }

    [Fact]
    public async Task Decide_AlreadyDecidedOrUnknown_ReturnsFalseAndKeepsFirstDecision()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqlitePolicyVersionStore(Options);
        await _state.AddProposalAsync("inv-1", new CalibrationProposal("triage.severity_scores.high", "0.55", "0.60", "over-rated"), ct);
        var id = (await _state.ListProposalsAsync(ct))[0].Id;
        await store.RecordAsync(Candidate("aaa", 0), ct);
        Assert.True(await store.DecideAsync(new ProposalDecision(id, ProposalDecision.Accepted, "alice", T0, null, 1), ct));

        Assert.False(await store.DecideAsync(new ProposalDecision(id, ProposalDecision.Rejected, "bob", T0, "no", null), ct));
        Assert.False(await store.DecideAsync(new ProposalDecision(9999, ProposalDecision.Rejected, "bob", T0, "no", null), ct));
        Assert.Equal("alice", (await store.GetDecisionAsync(id, ct))?.DecidedBy);
    }
}
