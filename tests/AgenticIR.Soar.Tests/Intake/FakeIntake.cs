using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;
using AgenticIR.Core.Ports;

namespace AgenticIR.Soar.Tests.Intake;

/// <summary>Stands in for the orchestrator: records what it is handed and keeps an intake ledger like the real one.
/// The investigation of container N is <c>inv-N</c>.</summary>
internal sealed class FakeIntake : IAlertIntake
{
    private readonly Dictionary<string, IntakeRecord> _ledger = new(StringComparer.Ordinal);

    public List<(string Key, RawAlert Raw, NormalizationResult Normalized, IngestContext Context)> Ingested { get; } = [];
    public List<(string InvestigationId, string Key, RawAlert Raw, NormalizationResult Normalized)> IngestedInto { get; } = [];

    /// <summary>Called after each new ingest (e.g. to take the SOAR down mid-poll).</summary>
    public Action<int>? AfterIngest { get; set; }

    public Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken)
    {
        if (_ledger.TryGetValue(inputKey, out var previous)) return Task.FromResult(new IngestOutcome(previous, true, null));
        Ingested.Add((inputKey, raw, normalized, context));
        var record = Record(inputKey, "inv-" + inputKey.Split(':')[^1]);
        AfterIngest?.Invoke(Ingested.Count);
        return Task.FromResult(new IngestOutcome(record, false, null));
    }

    public Task<IngestOutcome> IngestIntoAsync(string investigationId, string inputKey, RawAlert raw, NormalizationResult normalized, CancellationToken cancellationToken)
    {
        if (_ledger.TryGetValue(inputKey, out var previous)) return Task.FromResult(new IngestOutcome(previous, true, null));
        IngestedInto.Add((investigationId, inputKey, raw, normalized));
        return Task.FromResult(new IngestOutcome(Record(inputKey, investigationId, IntakeStatus.Merged), false, null));
    }

    private IntakeRecord Record(string key, string investigationId, IntakeStatus status = IntakeStatus.Processed)
    {
        var record = new IntakeRecord { InputKey = key, Status = status, InvestigationId = investigationId, RecordedAt = DateTimeOffset.UnixEpoch };
        _ledger[key] = record;
        return record;
    }
}
