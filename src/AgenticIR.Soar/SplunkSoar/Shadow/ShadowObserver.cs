using System.Collections.Concurrent;
using System.Globalization;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>Records, for every investigation of a Splunk SOAR container whose plan is saved, what the
/// playbook and the analyst did beside what the agents decided. Each poll revisits open comparisons and the most recent
/// investigations; a comparison is updated until its container closes, then frozen. When it closes, its final severity,
/// disposition and actions become the investigation's outcome (<see cref="IOutcomeRecorder"/>). Reads only from the SOAR:
/// shadow mode dispatches nothing.</summary>
internal sealed class ShadowObserver(
    IStateStore state, IShadowComparisonStore comparisons, SoarClientDirectory clients, SoarAppDirectory apps,
    ShadowComparer comparer, ShadowOptions options, TimeProvider time, ILogger<ShadowObserver> logger, IOutcomeRecorder? outcomes = null)
{
    // When each investigation's container was last read, and when the recent investigations were last scanned: the
    // governance loop calls every few seconds, the SOAR is asked at most once per RevisitInterval for each.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _observed = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastScan;

    /// <summary>One pass; returns how many comparisons were written.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = new Dictionary<string, InvestigationRecord>(StringComparer.Ordinal);
        if (_lastScan is null || now - _lastScan >= options.RevisitInterval)
        {
            _lastScan = now;
            foreach (var record in await state.ListAsync(options.ScanLimit, cancellationToken)) candidates.TryAdd(record.Id, record);
        }
        foreach (var open in await comparisons.ListOpenAsync(cancellationToken))
        {
            if (!candidates.ContainsKey(open.InvestigationId) && await state.GetAsync(open.InvestigationId, cancellationToken) is { } record)
                candidates[record.Id] = record;
        }

        var written = 0;
        foreach (var record in candidates.Values.Where(IsComparable).OrderBy(r => r.CreatedAt))
        {
            var source = record.Source!;
            if (clients.Find(source.Instance) is not { } client) continue;
            if (!long.TryParse(source.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var containerId)) continue;
            if (_observed.TryGetValue(record.Id, out var seen) && now - seen < options.RevisitInterval) continue;
            if (await comparisons.GetAsync(source.Instance, source.ExternalId, cancellationToken) is { Final: true })
            {
                _observed.TryRemove(record.Id, out _);
                continue;
            }
            try
            {
                var inputs = await ReadAsync(client, record, containerId, cancellationToken);
                _observed[record.Id] = now;
                if (inputs is null) continue;
                var comparison = comparer.Compare(inputs);
                // The outcome is applied before the comparison is stored: a final comparison is never read again, so an
                // outcome that failed to save is retried only while the stored comparison is still open. Applying it
                // twice changes nothing.
                if (outcomes is not null && ShadowOutcome.From(comparison, record, inputs.VerdictArtifact is not null) is { } outcome)
                    await outcomes.RecordAsync(record.Id, outcome, cancellationToken);
                if (!OutcomeOnly(record) && await comparisons.UpsertAsync(comparison, cancellationToken)) written++;
            }
            catch (Exception ex) when (ex is SoarUnavailableException or SoarRequestException or SoarUnauthorizedException or ConcurrencyConflictException)
            {
                // One unreachable container must not stop the others; it is retried on the next poll.
                DispatchLog.ShadowSkipped(logger, record.Id, source.ExternalId, source.Instance, ex.Message);
            }
        }
        return written;
    }

    /// <summary>SOAR-sourced, in a mode the agents decide in (shadow, assisted, autonomous; not off), and the agents
    /// have decided (triage and plan saved). Autonomous containers' live agreement is what automatic demotion watches;
    /// assisted ones are read only for learning's outcome (see <see cref="OutcomeOnly"/>).</summary>
    private static bool IsComparable(InvestigationRecord record) =>
        record.Source is { Platform: SoarDispatchNames.Platform }
        && record.Mode != PlaybookMode.Off
        && record.Triage is not null && record.Plan is not null
        && !(OutcomeOnly(record) && record.Outcome is not null);

    /// <summary>In assisted mode people approved what ran, so the container is no evidence of how the agents would do
    /// alone: it gives the investigation its outcome, but no comparison is stored for graduation or demotion.</summary>
    private static bool OutcomeOnly(InvestigationRecord record) => record.Mode == PlaybookMode.Assisted;

    private async Task<ShadowInputs?> ReadAsync(ISplunkSoarClient client, InvestigationRecord record, long containerId, CancellationToken cancellationToken)
    {
        var container = await client.GetContainerAsync(containerId, cancellationToken);
        if (container is null) return null;
        var field = options.DispositionFieldFor(client.InstanceName);
        SoarArtifact? verdict = null;
        if (string.IsNullOrWhiteSpace(container.CustomFields.GetValueOrDefault(field)))
        {
            // Only needed when the analyst has not set the field; the newest verdict artifact wins.
            var label = options.VerdictArtifactLabelFor(client.InstanceName);
            verdict = (await client.ListArtifactsAsync(containerId, cancellationToken))
                .Where(a => string.Equals(a.Label, label, StringComparison.OrdinalIgnoreCase)).MaxBy(a => a.Id);
        }
        return new ShadowInputs
        {
            Investigation = record,
            StageEvents = await state.ListStageEventsAsync(record.Id, cancellationToken),
            Container = container,
            VerdictArtifact = verdict,
            PlaybookRuns = await client.ListPlaybookRunsAsync(containerId, cancellationToken),
            ActionRuns = await client.ListActionRunsAsync(containerId, cancellationToken),
            Apps = await apps.AppsAsync(client, cancellationToken),
            DispositionField = field,
            ObservedAt = time.GetUtcNow(),
        };
    }
}
