using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using AgenticIR.Testing;
using AgenticIR.Worker.Commands.Governance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.GovernanceCli;

public sealed class ProposalReviewTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-proposals-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private SqliteStateStore _store = null!;
    private SqlitePolicyVersionStore _versions = null!;
    private SqliteAuditLog _audit = null!;
    private ReloadingPolicyProvider _policy = null!;
    private ProposalReview _review = null!;

    private string Db => Path.Combine(_work.FullName, "state.db");
    private string PolicyPath => Path.Combine(_work.FullName, "governance.yaml");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), PolicyPath);
        var options = new SqliteStoreOptions { Path = Db };
        _store = new SqliteStateStore(options, _time);
        await _store.InitializeAsync(ct);
        _versions = new SqlitePolicyVersionStore(options);
        _audit = new SqliteAuditLog(options, _time);
        var source = new PolicyFileSource(PolicyPath, path =>
        {
            var (set, errors) = DefinitionSetLoader.TryLoad(path, RepoPaths.Connectors);
            return new PolicyValidation(set?.Policy, [.. errors.Select(e => e.ToString())]);
        });
        _policy = new ReloadingPolicyProvider(source.Validate(PolicyPath).Policy!, source, _versions, _audit, _time, NullLogger<ReloadingPolicyProvider>.Instance);
        await _policy.InitializeAsync(ct);
        _review = new ProposalReview(_store, _versions, _policy, _audit, _time, NullLogger<ProposalReview>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _policy.DisposeAsync();
        _audit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    private async Task<long> ProposeAsync(string parameter, string current, string proposed)
    {
        await _store.AddProposalAsync("inv-7", new CalibrationProposal(parameter, current, proposed, "analyst rated it lower"), TestContext.Current.CancellationToken);
        return (await _store.ListProposalsAsync(TestContext.Current.CancellationToken)).Single(p => p.Proposal.Parameter == parameter).Id;
    }

    private async Task<List<Core.Audit.AuditRecord>> AuditAsync(string type) =>
        [.. (await _audit.ReadAsync(1, 1000, TestContext.Current.CancellationToken)).Where(r => r.Entry.ActionType == type)];

    [Fact]
    public async Task Accept_SeverityCutOff_WrittenToTheFileInForceAsAuditedCalibrationVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ProposeAsync("triage.severity_scores.high", "0.55", "0.60");
        var before = _policy.Current.Hash;

        var result = await _review.AcceptAsync(id, "alice", ct);

        Assert.True(result.Done, result.Message);
        Assert.Equal(0.60, _policy.Current.Triage.SeverityScores[Severity.High]);
        Assert.Contains("    high: 0.6\n", await File.ReadAllTextAsync(PolicyPath, ct), StringComparison.Ordinal);
        var version = Assert.IsType<PolicyVersion>(await _versions.LatestAsync(ct));
        Assert.Equal((2, "alice", PolicyVersion.CalibrationKind, _policy.Current.Hash), (version.Version, version.AcceptedBy, version.Kind, version.Hash));
        var change = (await AuditAsync(PolicyAuditTypes.PolicyChange)).Last().Entry;
        Assert.Equal(("alice", _policy.Current.Hash, before), (change.ApproverIdentity, change.EvidenceHash, change.Details["old_hash"]));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), change.Details["proposal_id"]);
        Assert.Empty(await _store.ListProposalsAsync(ct));
        var decision = await _versions.GetDecisionAsync(id, ct);
        Assert.Equal((ProposalDecision.Accepted, "alice", (int?)2), (decision?.Status, decision?.DecidedBy, decision?.PolicyVersion));
    }

    [Fact]
    public async Task Accept_WeightChange_OtherWeightsRenormalisedAndPolicyStillValid()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ProposeAsync("triage.weights.alert_fidelity", "0.15", "0.12");

        var result = await _review.AcceptAsync(id, "alice", ct);

        Assert.True(result.Done, result.Message + string.Join('\n', result.Errors ?? []));
        var weights = _policy.Current.Triage.Weights;
        Assert.Equal(0.12, weights["alert_fidelity"]);
        Assert.Equal(1.0, weights.Values.Sum(), 3);
        Assert.True(weights["asset_criticality"] > 0.30);
    }

    [Fact]
    public async Task Accept_ValueChangedSinceProposed_RefusedAndStillPending()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ProposeAsync("triage.severity_scores.high", "0.50", "0.60");
        var before = await File.ReadAllTextAsync(PolicyPath, ct);

        var result = await _review.AcceptAsync(id, "alice", ct);

        Assert.False(result.Done);
        Assert.Contains("it is now 0.55", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(PolicyPath, ct));
        Assert.Single(await _store.ListProposalsAsync(ct));
        Assert.Single(await _versions.ListAsync(DateTimeOffset.UnixEpoch, ct));
    }

    [Fact]
    public async Task Accept_ValueTheValidatorRefuses_NothingChangesAndErrorsNameTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        // 0.80 for high would sit above critical's 0.75: severity cut-offs must decrease.
        var id = await ProposeAsync("triage.severity_scores.high", "0.55", "0.80");

        var result = await _review.AcceptAsync(id, "alice", ct);

        Assert.False(result.Done);
        Assert.Contains(result.Errors ?? [], e => e.StartsWith(PolicyPath + ":", StringComparison.Ordinal) && e.Contains("severity_scores", StringComparison.Ordinal));
        Assert.Equal(0.55, _policy.Current.Triage.SeverityScores[Severity.High]);
        Assert.Single(await _store.ListProposalsAsync(ct));
    }

    [Fact]
    public async Task Reject_WithReason_RecordedAuditedAndNoLongerAcceptable()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ProposeAsync("circuit_breakers.per_investigation.max_steps", "20", "25");
        var hash = _policy.Current.Hash;

        var result = await _review.RejectAsync(id, "bob", "budget is fine", ct);
        var accept = await _review.AcceptAsync(id, "alice", ct);

        Assert.True(result.Done);
        Assert.False(accept.Done);
        Assert.Contains("already rejected by bob", accept.Message, StringComparison.Ordinal);
        Assert.Equal(hash, _policy.Current.Hash);
        Assert.Empty(await _store.ListProposalsAsync(ct));
        Assert.Equal("budget is fine", (await _versions.GetDecisionAsync(id, ct))?.Reason);
        var audited = Assert.Single(await AuditAsync(PolicyAuditTypes.ProposalDecision)).Entry;
        Assert.Equal(("bob", "rejected", "budget is fine"), (audited.ApproverIdentity, audited.Outcome, audited.Justification));
    }

    [Fact]
    public async Task Cli_ListThenAccept_PrintsQueueAndNewVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await ProposeAsync("circuit_breakers.per_investigation.max_steps", "20", "25");
        string[] shared = ["--db", Db, "--policy", PolicyPath];

        var (listCode, list) = await InProcessCli.RunAsync(ProposalsCommand.Create, ct, ["proposals", "list", .. shared]);
        var (code, output) = await InProcessCli.RunAsync(ProposalsCommand.Create, ct, ["proposals", "accept", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--by", "carol", .. shared]);
        var (_, after) = await InProcessCli.RunAsync(ProposalsCommand.Create, ct, ["proposals", "list", .. shared]);

        Assert.Equal(0, listCode);
        Assert.Contains("circuit_breakers.per_investigation.max_steps", list, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        Assert.Contains("policy version 2", output, StringComparison.Ordinal);
        Assert.Contains("No pending proposal", after, StringComparison.Ordinal);
        Assert.Contains("max_steps: 25", await File.ReadAllTextAsync(PolicyPath, ct), StringComparison.Ordinal);
        // A running worker's watcher sees the new file: the same hash, so no second version and no second audit record.
        Assert.Equal(PolicyReloadStatus.Applied, (await _policy.ReloadAsync(ct)).Status);
        Assert.Equal(2, (await _versions.LatestAsync(ct))?.Version);
        Assert.Equal(2, (await AuditAsync(PolicyAuditTypes.PolicyChange)).Count);
    }
}
