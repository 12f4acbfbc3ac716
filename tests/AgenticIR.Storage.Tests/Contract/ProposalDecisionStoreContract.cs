using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IProposalDecisionStore"/> must do: a pending proposal is decided once, leaves the queue
/// of the state store and is read back; a second decision or an unknown proposal changes nothing.</summary>
public abstract class ProposalDecisionStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The decision store on this test's database; each test starts from an empty one.</summary>
    protected abstract Task<IProposalDecisionStore> CreateDecisionStoreAsync();

    /// <summary>The state store on the same database, where proposals queue.</summary>
    protected abstract Task<IStateStore> CreateStateStoreAsync();

    /// <summary>The policy version store on the same database, which accepted decisions name a version of.</summary>
    protected abstract Task<IPolicyVersionStore> CreateVersionStoreAsync();

    private static PolicyVersionCandidate Candidate(string hash, int minutes, string by = "policy_file", string kind = PolicyVersion.PolicyKind) =>
        new(hash, "/etc/agentic-ir/governance.yaml", by, kind, T0.AddMinutes(minutes));

    [Fact]
    public async Task Decide_PendingProposal_LeavesQueueAndIsReadBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateDecisionStoreAsync();
        var state = await CreateStateStoreAsync();
        await state.AddProposalAsync("inv-1", new CalibrationProposal("triage.severity_scores.high", "0.55", "0.60", "over-rated"), ct);
        await state.AddProposalAsync("inv-2", new CalibrationProposal("triage.severity_scores.low", "0.15", "0.10", "under-rated"), ct);
        var pending = await state.ListProposalsAsync(ct);
        var decision = new ProposalDecision(pending[0].Id, ProposalDecision.Rejected, "alice", T0.AddMinutes(3), "too aggressive", null);

        Assert.True(await store.DecideAsync(decision, ct));

        Assert.Equal([pending[1].Id], (await state.ListProposalsAsync(ct)).Select(p => p.Id));
        Assert.Equal(decision, await store.GetDecisionAsync(pending[0].Id, ct));
        Assert.Equal([decision], await store.ListDecisionsAsync(T0, ct));
    }

    [Fact]
    public async Task Decide_AlreadyDecidedOrUnknown_ReturnsFalseAndKeepsFirstDecision()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateDecisionStoreAsync();
        var state = await CreateStateStoreAsync();
        await state.AddProposalAsync("inv-1", new CalibrationProposal("triage.severity_scores.high", "0.55", "0.60", "over-rated"), ct);
        var id = (await state.ListProposalsAsync(ct))[0].Id;
        await (await CreateVersionStoreAsync()).RecordAsync(Candidate("aaa", 0), ct);
        Assert.True(await store.DecideAsync(new ProposalDecision(id, ProposalDecision.Accepted, "alice", T0, null, 1), ct));

        Assert.False(await store.DecideAsync(new ProposalDecision(id, ProposalDecision.Rejected, "bob", T0, "no", null), ct));
        Assert.False(await store.DecideAsync(new ProposalDecision(9999, ProposalDecision.Rejected, "bob", T0, "no", null), ct));
        Assert.Equal("alice", (await store.GetDecisionAsync(id, ct))?.DecidedBy);
    }
}
