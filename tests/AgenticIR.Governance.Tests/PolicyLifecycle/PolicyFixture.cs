using AgenticIR.Core.Audit;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Testing;
using AgenticIR.Testing.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Governance.Tests.PolicyLifecycle;

/// <summary>A copy of the shipped policy in a temp folder, validated with the shipped connectors, and a provider over it
/// with an in-memory version store, a recording audit log and a fake clock.</summary>
internal sealed class PolicyFixture : IAsyncDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-policy-");

    public PolicyFixture()
    {
        PolicyPath = Path.Combine(_work.FullName, "governance.yaml");
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), PolicyPath);
        Source = new PolicyFileSource(PolicyPath, path =>
        {
            var (set, errors) = DefinitionSetLoader.TryLoad(path, RepoPaths.Connectors);
            return new PolicyValidation(set?.Policy, [.. errors.Select(e => e.ToString())]);
        });
        Initial = Source.Validate(PolicyPath).Policy ?? throw new InvalidOperationException("the shipped policy must validate");
        Provider = CreateProvider();
    }

    public string PolicyPath { get; }
    public PolicyFileSource Source { get; }
    public GovernancePolicy Initial { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
    public InMemoryPolicyVersionStore Versions { get; } = new();
    public RecordingAuditLog Audit { get; } = new();
    public ListLogger<ReloadingPolicyProvider> Logger { get; } = new();
    public ReloadingPolicyProvider Provider { get; }

    public ReloadingPolicyProvider CreateProvider() => new(Initial, Source, Versions, Audit, Time, Logger);

    public IReadOnlyList<AuditEntry> AuditOf(string actionType) => [.. Audit.Entries.Where(e => e.ActionType == actionType)];

    public async Task EditAsync(string find, string replace)
    {
        var text = await File.ReadAllTextAsync(PolicyPath);
        Assert.Contains(find, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(PolicyPath, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public int LineOf(string text) =>
        Array.FindIndex(File.ReadAllLines(PolicyPath), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        _work.Delete(recursive: true);
    }

    internal sealed class InMemoryPolicyVersionStore : IPolicyVersionStore
    {
        private readonly List<PolicyVersion> _rows = [];

        public IReadOnlyList<PolicyVersion> Rows { get { lock (_rows) return [.. _rows]; } }

        public Task<RecordedPolicyVersion> RecordAsync(PolicyVersionCandidate candidate, CancellationToken cancellationToken)
        {
            lock (_rows)
            {
                var latest = _rows.LastOrDefault();
                if (latest?.Hash == candidate.Hash) return Task.FromResult(new RecordedPolicyVersion(latest, latest, false));
                var version = new PolicyVersion(_rows.Count + 1, candidate.Hash, candidate.At, candidate.SourceFile, candidate.AcceptedBy, candidate.Kind);
                _rows.Add(version);
                return Task.FromResult(new RecordedPolicyVersion(version, latest, true));
            }
        }

        public Task<PolicyVersion?> LatestAsync(CancellationToken cancellationToken) { lock (_rows) return Task.FromResult(_rows.LastOrDefault()); }

        public Task<IReadOnlyList<PolicyVersion>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PolicyVersion>>([.. Rows.Where(r => r.LoadedAt >= since)]);
    }

    internal sealed class ListLogger<T> : ILogger<T>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines) _lines.Add(formatter(state, exception));
        }
    }
}
