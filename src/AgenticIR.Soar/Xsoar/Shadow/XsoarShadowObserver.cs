using System.Collections.Concurrent;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Approvals;
using AgenticIR.Soar.Xsoar.Intake;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>Records, for every investigation of an XSOAR incident whose plan is saved, what the playbook and the analyst
/// did beside what the agents decided, into the same comparison store as Splunk SOAR containers (instance column
/// <c>xsoar:&lt;instance&gt;</c>), so <c>shadow report</c>, metrics and graduation read both alike. A comparison is updated
/// until the incident closes, then frozen; on close, its final severity, close reason and actions become the
/// investigation's outcome. Reads only: shadow mode runs nothing in XSOAR.</summary>
internal sealed class XsoarShadowObserver(
    IStateStore state, IShadowComparisonStore comparisons, XsoarShadowComparer comparer, XsoarUserDirectory users, ShadowOptions options,
    TimeProvider time, ILogger<XsoarShadowObserver> logger, IOutcomeRecorder? outcomes = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _observed = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastScan;

    /// <summary>One pass over the given instances' incidents; returns how many comparisons were written.</summary>
    public async Task<int> PollOnceAsync(IReadOnlyList<IXsoarClient> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        if (clients.Count == 0) return 0;
        var now = time.GetUtcNow();
        var candidates = new Dictionary<string, InvestigationRecord>(StringComparer.Ordinal);
        if (_lastScan is null || now - _lastScan >= options.RevisitInterval)
        {
            _lastScan = now;
            foreach (var record in await state.ListAsync(options.ScanLimit, cancellationToken)) candidates.TryAdd(record.Id, record);
        }
        foreach (var open in await comparisons.ListOpenAsync(cancellationToken))
        {
            if (XsoarShadowNames.IsXsoar(open.Instance) && !candidates.ContainsKey(open.InvestigationId)
                && await state.GetAsync(open.InvestigationId, cancellationToken) is { } record)
                candidates[record.Id] = record;
        }

        var written = 0;
        foreach (var record in candidates.Values.Where(IsComparable).OrderBy(r => r.CreatedAt))
        {
            var source = record.Source!;
            if (clients.FirstOrDefault(c => string.Equals(c.InstanceName, source.Instance, StringComparison.Ordinal)) is not { } client) continue;
            if (_observed.TryGetValue(record.Id, out var seen) && now - seen < options.RevisitInterval) continue;
            if (await comparisons.GetAsync(XsoarShadowNames.ComparisonInstance(source.Instance), source.ExternalId, cancellationToken) is { Final: true })
            {
                _observed.TryRemove(record.Id, out _);
                continue;
            }
            try
            {
                var inputs = await ReadAsync(client, record, source.ExternalId, cancellationToken);
                _observed[record.Id] = now;
                if (inputs is null) continue;
                var comparison = comparer.Compare(inputs);
                // As for Splunk SOAR: the outcome first, since a final comparison is never read again.
                if (outcomes is not null && XsoarShadowOutcome.From(comparison, record) is { } outcome)
                    await outcomes.RecordAsync(record.Id, outcome, cancellationToken);
                if (!OutcomeOnly(record) && await comparisons.UpsertAsync(comparison, cancellationToken)) written++;
            }
            catch (Exception ex) when (ex is XsoarUnavailableException or XsoarRequestException or XsoarUnauthorizedException or ConcurrencyConflictException)
            {
                // One unreachable incident must not stop the others; it is retried on the next pass.
                XsoarApprovalLog.ShadowSkipped(logger, source.Instance, record.Id, source.ExternalId, ex.GetType().Name);
            }
        }
        return written;
    }

    /// <summary>XSOAR-sourced, in a mode the agents decide in, triaged and planned; assisted ones only until their outcome is read.</summary>
    private static bool IsComparable(InvestigationRecord record) =>
        record.Source is { Platform: XsoarIntakeNames.Platform }
        && record.Mode != PlaybookMode.Off
        && record.Triage is not null && record.Plan is not null
        && !(OutcomeOnly(record) && record.Outcome is not null);

    /// <summary>In assisted mode people approved what ran: the incident gives the outcome, but is no evidence for graduation.</summary>
    private static bool OutcomeOnly(InvestigationRecord record) => record.Mode == PlaybookMode.Assisted;

    private async Task<XsoarShadowInputs?> ReadAsync(IXsoarClient client, InvestigationRecord record, string incidentId, CancellationToken cancellationToken)
    {
        var incident = await client.GetIncidentAsync(incidentId, cancellationToken);
        if (incident is null) return null;
        return new XsoarShadowInputs
        {
            Instance = client.InstanceName,
            Investigation = record,
            StageEvents = await state.ListStageEventsAsync(record.Id, cancellationToken),
            Incident = incident,
            Playbook = await client.GetPlaybookStateAsync(incidentId, cancellationToken),
            Entries = await client.GetEntriesAsync(incidentId, cancellationToken),
            ApiUser = await users.ApiUserAsync(client, cancellationToken),
            ObservedAt = time.GetUtcNow(),
        };
    }
}
