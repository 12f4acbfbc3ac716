using System.Security.Cryptography;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Policy;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>The policy in force, re-read from its file on demand or by a watcher. A valid new version (different hash) is
/// swapped in atomically, numbered in the version store and audited as <c>policy_change</c>; an invalid edit keeps the
/// last good policy, logs every error with file:line:column and is audited once per content hash as
/// <c>policy_rejected</c>. Reloads and accepted changes are serialized, so a version is never recorded twice.</summary>
public sealed partial class ReloadingPolicyProvider : IPolicyProvider, IAsyncDisposable
{
    /// <summary><see cref="PolicyVersion.AcceptedBy"/> of the version found at start-up.</summary>
    public const string StartupIdentity = "startup";

    /// <summary><see cref="PolicyVersion.AcceptedBy"/> of a version picked up from an edit of the file.</summary>
    public const string FileIdentity = "policy_file";

    private readonly PolicyFileSource _source;
    private readonly IPolicyVersionStore _versions;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<ReloadingPolicyProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _rejectedHashes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private volatile GovernancePolicy _current;
    private volatile PolicyVersion? _version;
    private volatile string _lastSeenHash;

    /// <summary>Starts with a policy the host already validated (it must come from <paramref name="source"/>'s file).</summary>
    public ReloadingPolicyProvider(GovernancePolicy initial, PolicyFileSource source, IPolicyVersionStore versions, IAuditLog audit,
        TimeProvider time, ILogger<ReloadingPolicyProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Path);
        _source = source with { Path = System.IO.Path.GetFullPath(source.Path) };
        _versions = versions;
        _audit = audit;
        _time = time;
        _logger = logger;
        _current = initial;
        _lastSeenHash = initial.Hash;
    }

    /// <inheritdoc />
    public GovernancePolicy Current => _current;

    /// <summary>The recorded version of <see cref="Current"/>; null until <see cref="InitializeAsync"/> ran.</summary>
    public PolicyVersion? CurrentVersion => _version;

    /// <summary>Absolute path of the policy file.</summary>
    public string PolicyPath => _source.Path;

    /// <summary>Records the policy in force as a version unless the latest recorded version has the same hash (a restart
    /// with an unchanged file keeps its version number).</summary>
    public async Task<PolicyVersion> InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RecordAsync(_current, PolicyChange.Startup, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-reads and validates the file now; applies a valid change, rejects an invalid one.</summary>
    public async Task<PolicyReloadResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReloadCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces the policy file with <paramref name="newText"/> and puts it in force, provided the file still has
    /// <paramref name="basedOnHash"/> (the policy in force) and the new text validates. The new text is validated as a
    /// sibling copy first, so the file is never left invalid.</summary>
    public async Task<PolicyReloadResult> ApplyFileEditAsync(string basedOnHash, string newText, PolicyChange change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basedOnHash);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var onDisk = await HashFileAsync(_source.Path, cancellationToken);
            if (onDisk != basedOnHash || onDisk != _current.Hash)
            {
                return new PolicyReloadResult(PolicyReloadStatus.Rejected, _version, onDisk,
                    [$"{_source.Path}:0:0: (file): the file changed since the change was prepared, or holds an edit that is not in force; reload or fix it first"]);
            }
            var pending = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_source.Path)!,
                $".{System.IO.Path.GetFileNameWithoutExtension(_source.Path)}.{Guid.NewGuid():N}.pending.yaml");
            await File.WriteAllTextAsync(pending, newText, cancellationToken);
            PolicyValidation validation;
            try
            {
                validation = _source.Validate(pending);
                if (validation.Policy is null)
                {
                    var errors = validation.Errors.Select(e => e.Replace(pending, _source.Path, StringComparison.Ordinal)).ToList();
                    return new PolicyReloadResult(PolicyReloadStatus.Rejected, _version, HashOf(newText), errors);
                }
                File.Move(pending, _source.Path, overwrite: true);
            }
            finally
            {
                File.Delete(pending);
            }
            _lastSeenHash = validation.Policy.Hash;
            var version = await ApplyAsync(validation.Policy, change, cancellationToken);
            return new PolicyReloadResult(PolicyReloadStatus.Applied, version, validation.Policy.Hash, []);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PolicyReloadResult> ReloadCoreAsync(CancellationToken cancellationToken)
    {
        string seen;
        try
        {
            seen = await HashFileAsync(_source.Path, cancellationToken);
        }
        catch (IOException ex)
        {
            return await RejectAsync("", [$"{_source.Path}:0:0: (file): cannot read the policy file: {ex.Message}"], cancellationToken);
        }
        if (seen == _current.Hash)
        {
            _lastSeenHash = seen;
            return new PolicyReloadResult(PolicyReloadStatus.Unchanged, _version, seen, []);
        }

        var validation = _source.Validate(_source.Path);
        if (validation.Policy is null)
        {
            _lastSeenHash = seen;
            return await RejectAsync(seen, validation.Errors, cancellationToken);
        }
        // The file may have changed again between hashing and validating; what was validated is what counts.
        _lastSeenHash = validation.Policy.Hash;
        if (validation.Policy.Hash == _current.Hash) return new PolicyReloadResult(PolicyReloadStatus.Unchanged, _version, seen, []);
        var version = await ApplyAsync(validation.Policy, PolicyChange.FileEdit, cancellationToken);
        return new PolicyReloadResult(PolicyReloadStatus.Applied, version, validation.Policy.Hash, []);
    }

    private async Task<PolicyVersion> ApplyAsync(GovernancePolicy policy, PolicyChange change, CancellationToken cancellationToken)
    {
        // Recorded before the swap: if the store is down the old policy stays in force and the next check retries.
        var version = await RecordAsync(policy, change, cancellationToken);
        _current = policy;
        return version;
    }

    private async Task<PolicyVersion> RecordAsync(GovernancePolicy policy, PolicyChange change, CancellationToken cancellationToken)
    {
        var recorded = await _versions.RecordAsync(
            new PolicyVersionCandidate(policy.Hash, _source.Path, change.AcceptedBy, change.Kind, _time.GetUtcNow()), cancellationToken);
        _version = recorded.Version;
        if (!recorded.Created) return recorded.Version;

        var details = new Dictionary<string, string>(change.Details, StringComparer.Ordinal)
        {
            ["version"] = recorded.Version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = change.Kind,
            ["old_hash"] = recorded.Previous?.Hash ?? "",
            ["new_hash"] = policy.Hash,
            ["accepted_by"] = change.AcceptedBy,
        };
        var byPerson = change.AcceptedBy is not (StartupIdentity or FileIdentity);
        await _audit.AppendAsync(new AuditEntry
        {
            AgentName = byPerson ? "operator" : "governance",
            ActionType = PolicyAuditTypes.PolicyChange,
            Target = _source.Path,
            Justification = change.Justification,
            ApprovalStatus = byPerson ? "approved" : "",
            ApproverIdentity = byPerson ? change.AcceptedBy : "",
            Outcome = "applied",
            EvidenceHash = policy.Hash,
            Details = details,
        }, cancellationToken);
        PolicyLifecycleLog.Applied(_logger, _source.Path, recorded.Version.Version, policy.Hash, change.Kind, change.AcceptedBy);
        return recorded.Version;
    }

    private async Task<PolicyReloadResult> RejectAsync(string hash, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        PolicyLifecycleLog.Rejected(_logger, _source.Path, hash, errors.Count, _current.Hash);
        foreach (var error in errors) PolicyLifecycleLog.Error(_logger, error);
        if (_rejectedHashes.Add(hash))
        {
            await _audit.AppendAsync(new AuditEntry
            {
                AgentName = "governance",
                ActionType = PolicyAuditTypes.PolicyRejected,
                Target = _source.Path,
                Justification = errors.Count == 0 ? "invalid policy" : errors[0],
                Outcome = "rejected",
                EvidenceHash = hash,
                Details = new Dictionary<string, string>
                {
                    ["error_count"] = errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["errors"] = string.Join("\n", errors.Take(20)),
                    ["in_force_hash"] = _current.Hash,
                    ["in_force_version"] = _version?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                },
            }, cancellationToken);
        }
        return new PolicyReloadResult(PolicyReloadStatus.Rejected, _version, hash, errors);
    }

    /// <summary>Lower-case hex SHA-256 of a file's bytes (the hash the loader gives the policy).</summary>
    internal static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken)));

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
