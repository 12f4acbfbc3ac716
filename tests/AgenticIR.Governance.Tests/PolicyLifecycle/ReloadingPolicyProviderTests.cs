using AgenticIR.Core.Policy;
using AgenticIR.Governance.PolicyLifecycle;

namespace AgenticIR.Governance.Tests.PolicyLifecycle;

public sealed class ReloadingPolicyProviderTests
{
    [Fact]
    public async Task Initialize_FirstStartThenRestartWithSameFile_OneVersionAuditedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();

        var first = await f.Provider.InitializeAsync(ct);
        await using var restarted = f.CreateProvider();
        var second = await restarted.InitializeAsync(ct);

        Assert.Equal(1, first.Version);
        Assert.Equal(f.Initial.Hash, first.Hash);
        Assert.Equal(ReloadingPolicyProvider.StartupIdentity, first.AcceptedBy);
        Assert.Equal(first, second);
        Assert.Single(f.Versions.Rows);
        var audited = Assert.Single(f.AuditOf(PolicyAuditTypes.PolicyChange));
        Assert.Equal(f.Initial.Hash, audited.EvidenceHash);
        Assert.Equal(f.Provider.PolicyPath, audited.Target);
    }

    [Fact]
    public async Task Reload_GoodEdit_NewVersionInForceAndAuditedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        await f.EditAsync("max_steps: 20", "max_steps: 25");

        var result = await f.Provider.ReloadAsync(ct);
        var again = await f.Provider.ReloadAsync(ct);

        Assert.Equal(PolicyReloadStatus.Applied, result.Status);
        Assert.Equal(25, f.Provider.Current.CircuitBreakers.PerInvestigation.MaxSteps);
        Assert.NotEqual(f.Initial.Hash, f.Provider.Current.Hash);
        Assert.Equal(2, result.Version?.Version);
        Assert.Equal(ReloadingPolicyProvider.FileIdentity, result.Version?.AcceptedBy);
        Assert.Equal(PolicyVersion.PolicyKind, result.Version?.Kind);
        Assert.Equal(PolicyReloadStatus.Unchanged, again.Status);
        Assert.Equal(2, f.Versions.Rows.Count);
        var changes = f.AuditOf(PolicyAuditTypes.PolicyChange);
        Assert.Equal(2, changes.Count); // start-up, then the edit; the second reload adds nothing
        var change = changes[1];
        Assert.Equal(f.Provider.Current.Hash, change.EvidenceHash);
        Assert.Equal(f.Initial.Hash, change.Details["old_hash"]);
        Assert.Equal(f.Provider.Current.Hash, change.Details["new_hash"]);
        Assert.Equal("2", change.Details["version"]);
    }

    [Fact]
    public async Task Reload_SameContentRewritten_NoNewVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        await File.WriteAllBytesAsync(f.PolicyPath, await File.ReadAllBytesAsync(f.PolicyPath, ct), ct);

        var result = await f.Provider.ReloadAsync(ct);

        Assert.Equal(PolicyReloadStatus.Unchanged, result.Status);
        Assert.Equal(1, result.Version?.Version);
        Assert.Single(f.Versions.Rows);
        Assert.Same(f.Initial, f.Provider.Current);
    }

    [Fact]
    public async Task Reload_BadEdit_KeepsLastGoodPolicyAndNamesFileAndLine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        await f.EditAsync("max_steps: 20", "max_steps: -4");
        var line = f.LineOf("max_steps: -4");

        var result = await f.Provider.ReloadAsync(ct);
        var again = await f.Provider.ReloadAsync(ct);

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Equal(PolicyReloadStatus.Rejected, again.Status);
        Assert.Same(f.Initial, f.Provider.Current);
        Assert.Equal(20, f.Provider.Current.CircuitBreakers.PerInvestigation.MaxSteps);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{f.PolicyPath}:{line}:", error, StringComparison.Ordinal);
        Assert.Contains("circuit_breakers.per_investigation.max_steps", error, StringComparison.Ordinal);
        Assert.Contains(f.Logger.Lines, l => l.Contains($"{f.PolicyPath}:{line}:", StringComparison.Ordinal));
        Assert.Single(f.Versions.Rows);
        var rejected = Assert.Single(f.AuditOf(PolicyAuditTypes.PolicyRejected)); // once per bad hash, however often it is seen
        Assert.Equal(result.Hash, rejected.EvidenceHash);
        Assert.Equal(f.Initial.Hash, rejected.Details["in_force_hash"]);
        Assert.Contains($"{f.PolicyPath}:{line}:", rejected.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_BadEditThenFixed_FixedVersionApplied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        await f.EditAsync("max_steps: 20", "max_steps: -4");
        await f.Provider.ReloadAsync(ct);
        await f.EditAsync("max_steps: -4", "max_steps: 30");

        var result = await f.Provider.ReloadAsync(ct);

        Assert.Equal(PolicyReloadStatus.Applied, result.Status);
        Assert.Equal(30, f.Provider.Current.CircuitBreakers.PerInvestigation.MaxSteps);
        Assert.Equal(2, result.Version?.Version);
    }

    [Fact]
    public async Task Reload_GateNamesUnknownAction_RefusedWithItsLocation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        await f.EditAsync("      - block_ip\n", "      - block_ip\n      - launch_counterstrike\n");
        var line = f.LineOf("launch_counterstrike");

        var result = await f.Provider.ReloadAsync(ct);

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Same(f.Initial, f.Provider.Current);
        Assert.Contains(result.Errors, e => e.StartsWith($"{f.PolicyPath}:{line}:", StringComparison.Ordinal)
            && e.Contains("launch_counterstrike", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_FileDeleted_RejectedAndLastGoodKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        File.Delete(f.PolicyPath);

        var result = await f.Provider.ReloadAsync(ct);

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Same(f.Initial, f.Provider.Current);
        Assert.StartsWith(f.PolicyPath + ":0:0:", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_EditPickedUpOnlyWhenTheIntervalElapses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        f.Provider.StartWatching(TimeSpan.FromSeconds(5));
        await f.EditAsync("max_steps: 20", "max_steps: 25");

        f.Time.Advance(TimeSpan.FromSeconds(4));
        await f.Provider.LastCheck;
        Assert.Equal(20, f.Provider.Current.CircuitBreakers.PerInvestigation.MaxSteps);

        f.Time.Advance(TimeSpan.FromSeconds(1));
        await f.Provider.LastCheck;
        Assert.Equal(25, f.Provider.Current.CircuitBreakers.PerInvestigation.MaxSteps);
        Assert.Equal(2, f.Provider.CurrentVersion?.Version);
    }

    [Fact]
    public async Task Watch_BadEditSeenOnManyTicks_RejectedAndAuditedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        f.Provider.StartWatching(TimeSpan.FromSeconds(5));
        await f.EditAsync("max_steps: 20", "max_steps: -4");

        for (var i = 0; i < 4; i++)
        {
            f.Time.Advance(TimeSpan.FromSeconds(5));
            await f.Provider.LastCheck;
        }

        Assert.Same(f.Initial, f.Provider.Current);
        Assert.Single(f.AuditOf(PolicyAuditTypes.PolicyRejected));
        Assert.Single(f.Logger.Lines, l => l.Contains("rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyFileEdit_InvalidText_FileUntouchedAndErrorsNameTheRealFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        var before = await File.ReadAllTextAsync(f.PolicyPath, ct);

        var result = await f.Provider.ApplyFileEditAsync(f.Initial.Hash, before.Replace("max_steps: 20", "max_steps: -1", StringComparison.Ordinal),
            new PolicyChange("alice", PolicyVersion.CalibrationKind, "test", new Dictionary<string, string>()), ct);

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Equal(before, await File.ReadAllTextAsync(f.PolicyPath, ct));
        Assert.StartsWith(f.PolicyPath + ":", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(f.PolicyPath)!));
        Assert.Same(f.Initial, f.Provider.Current);
    }

    [Fact]
    public async Task ApplyFileEdit_FileChangedSincePrepared_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = new PolicyFixture();
        await f.Provider.InitializeAsync(ct);
        var prepared = (await File.ReadAllTextAsync(f.PolicyPath, ct)).Replace("max_steps: 20", "max_steps: 22", StringComparison.Ordinal);
        await f.EditAsync("max_api_calls: 200", "max_api_calls: 150");

        var result = await f.Provider.ApplyFileEditAsync(f.Initial.Hash, prepared,
            new PolicyChange("alice", PolicyVersion.PolicyKind, "test", new Dictionary<string, string>()), ct);

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Contains("max_api_calls: 150", await File.ReadAllTextAsync(f.PolicyPath, ct), StringComparison.Ordinal);
    }
}
