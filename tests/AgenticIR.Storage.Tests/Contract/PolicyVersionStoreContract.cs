using AgenticIR.Core.Policy;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IPolicyVersionStore"/> must do: new content becomes the next version, the same content
/// as the latest does not (also when several workers record it at once), and a revert is a new version.</summary>
public abstract class PolicyVersionStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store on this test's database. Every call within one test reaches the same database (another instance,
    /// as another worker would have); each test starts from an empty one.</summary>
    protected abstract Task<IPolicyVersionStore> CreateVersionStoreAsync();

    private static PolicyVersionCandidate Candidate(string hash, int minutes, string by = "policy_file", string kind = PolicyVersion.PolicyKind) =>
        new(hash, "/etc/agentic-ir/governance.yaml", by, kind, T0.AddMinutes(minutes));

    [Fact]
    public async Task Record_NewHashes_NumberedInOrderWithPrevious()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateVersionStoreAsync();

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
        var store = await CreateVersionStoreAsync();
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
        var store = await CreateVersionStoreAsync();
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
        var a = await CreateVersionStoreAsync();
        var b = await CreateVersionStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).RecordAsync(Candidate("ccc", i), ct)));

        Assert.Single(results, r => r.Created);
        Assert.Single(await a.ListAsync(T0.AddDays(-1), ct));
    }

    [Fact]
    public async Task Record_PlaybookPromotionAndOnboarding_ListedWithTheirOwnKind()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateVersionStoreAsync();
        await store.RecordAsync(Candidate("aaa", 0, "startup"), ct);

        await store.RecordAsync(new PolicyVersionCandidate("bbb", "config/playbooks.yaml", "dana", PolicyVersion.PlaybookOnboardingKind, T0.AddMinutes(1)), ct);
        await store.RecordAsync(new PolicyVersionCandidate("ccc", "config/playbooks.yaml", "carol", PolicyVersion.PlaybookPromotionKind, T0.AddMinutes(2)), ct);

        Assert.Equal(
            [(1, PolicyVersion.PolicyKind, "startup"), (2, PolicyVersion.PlaybookOnboardingKind, "dana"), (3, PolicyVersion.PlaybookPromotionKind, "carol")],
            (await store.ListAsync(T0.AddDays(-1), ct)).Select(v => (v.Version, v.Kind, v.AcceptedBy)));
    }

    [Fact]
    public async Task Record_UnknownKind_RefusedAndNothingWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateVersionStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(Candidate("aaa", 0, kind: "promotion"), ct));

        Assert.Null(await store.LatestAsync(ct));
    }
}
