using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.Xsoar.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>Takes incidents of the enabled <c>platform: xsoar</c> entries of config/playbooks.yaml: searches
/// <c>/incidents/search</c> by the entries' incident types, modified at or after the cursor, oldest change first; picks
/// the first entry whose types and playbooks match; normalizes incident + indicators and hands it over exactly once per
/// incident through the intake ledger. The cursor moves past an incident only after it was handed over (or left alone),
/// so a crash repeats at most the incident in hand, and the ledger makes that repeat a no-op.
/// With the bridge store (<paramref name="links"/>), each incident taken is linked to its investigation (under the store
/// key <c>xsoar:&lt;instance&gt;</c>, which queues its write-back), and a followed incident that changed since is re-read
/// for war-room entries people added: those become one more alert of its investigation, as new artifacts do on Splunk SOAR.</summary>
internal sealed class XsoarIncidentPoller(IXsoarClient client, IPlaybookCatalog playbooks, IXsoarIntakeCursor cursor, IAlertNormalizer normalizer, IAlertIntake intake,
    ISoarBridgeStore? links = null, XsoarSelf? self = null, ILogger<XsoarIncidentPoller>? logger = null)
{
    // A server that keeps reporting more must not keep a pass going forever.
    private const int MaxPages = 1000;

    private readonly ILogger _logger = logger ?? NullLogger<XsoarIncidentPoller>.Instance;

    public async Task<XsoarIntakePassResult> PollOnceAsync(CancellationToken cancellationToken)
    {
        var instance = client.InstanceName;
        var entries = playbooks.Entries.Where(e => e.Match.AppliesTo(SoarPlatform.Xsoar, instance) && !e.IsOffForEverySeverity).ToList();
        if (entries.Count == 0) return new XsoarIntakePassResult(0, 0, 0, []);

        // An entry matched by playbook only takes incidents of any type: then the search cannot narrow by type.
        IReadOnlyList<string> types = entries.Any(e => e.Match.IncidentTypes.Count == 0)
            ? []
            : [.. entries.SelectMany(e => e.Match.IncidentTypes).Distinct(StringComparer.OrdinalIgnoreCase)];
        var from = await cursor.GetAsync(instance, cancellationToken);
        int taken = 0, seen = 0, leftAlone = 0, merged = 0;
        var touched = new List<string>();
        long fetched = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await client.SearchIncidentsAsync(new XsoarIncidentQuery { Types = types, ModifiedFrom = from, Page = page }, cancellationToken);
            foreach (var incident in result.Incidents)
            {
                var outcome = await HandleAsync(instance, incident, cancellationToken);
                if (outcome is null) leftAlone++;
                else if (outcome.AlreadyRecorded) seen++;
                else taken++;
                if (outcome?.Intake.InvestigationId is { } id)
                {
                    touched.Add(id);
                    if (await FollowAsync(instance, incident, id, outcome.AlreadyRecorded, cancellationToken)) merged++;
                }
                if (incident.Modified is { } modified) await cursor.AdvanceAsync(instance, modified, cancellationToken);
            }
            fetched += result.Incidents.Count;
            if (result.Incidents.Count == 0 || fetched >= result.Total) break;
        }
        return new XsoarIntakePassResult(taken, seen, leftAlone, [.. touched.Distinct(StringComparer.Ordinal)], merged);
    }

    private async Task<IngestOutcome?> HandleAsync(string instance, XsoarIncident incident, CancellationToken cancellationToken)
    {
        var attached = incident.PlaybookId is { Length: > 0 } playbook ? new[] { playbook } : [];
        var entry = playbooks.Entries.FirstOrDefault(e => e.Match.AppliesTo(SoarPlatform.Xsoar, instance)
            && e.Match.AcceptsIncidentType(incident.Type) && e.Match.AcceptsPlaybooks(attached));
        if (entry is null || entry.IsOffForEverySeverity) return null;

        var indicators = await client.GetIndicatorsAsync(incident.Id, cancellationToken);
        var raw = new RawAlert(XsoarIntakeNames.AlertSource(instance, incident.Id), XsoarIncidentPayload.Build(incident, indicators), XsoarIntakeNames.IncidentFormat);
        var source = new SourceReference(XsoarIntakeNames.Platform, instance, incident.Id);
        return await intake.IngestAsync(XsoarIntakeNames.IncidentInputKey(instance, incident.Id), raw, normalizer.Normalize(raw),
            new IngestContext(entry.ToAssignment(), source), cancellationToken);
    }

    // Links a newly taken incident; for one already followed that changed since, merges the entries people added. True
    // when something was merged.
    private async Task<bool> FollowAsync(string instance, XsoarIncident incident, string investigationId, bool alreadyTaken, CancellationToken cancellationToken)
    {
        if (links is null || XsoarEntryNumber.Incident(incident.Id) is not { } number) return false;
        var key = XsoarIntakeNames.CursorKey(instance);
        var link = await links.GetLinkAsync(key, number, cancellationToken);
        if (link is null)
        {
            // Entries already in the war room when the incident is taken are read at the first change, like any added later.
            await links.SaveLinkAsync(new SoarContainerLink(key, number, investigationId, 0, incident.Modified), cancellationToken);
            return false;
        }
        // Re-read only when the incident changed since the last read; a change stamped with the same time as that read is
        // not ruled out, so an equal time is read again (at most the incident at the cursor, once per pass).
        if (!alreadyTaken || (link.LastUpdateTime is { } seen && incident.Modified is { } modified && modified < seen)) return false;

        var me = self is null ? null : await self.IdAsync(cancellationToken);
        var all = await client.GetEntriesAsync(incident.Id, cancellationToken);
        var fresh = all.Where(e => XsoarEntryNumber.Of(e.Id) > link.LastArtifactId && XsoarPeopleEntries.IsByPerson(e, me))
            .OrderBy(e => XsoarEntryNumber.Of(e.Id)).ToList();
        if (fresh.Count > 0)
        {
            var last = XsoarEntryNumber.Of(fresh[^1].Id);
            var indicators = await client.GetIndicatorsAsync(incident.Id, cancellationToken);
            var raw = new RawAlert(XsoarIntakeNames.AlertSource(instance, incident.Id), XsoarIncidentPayload.Build(incident, indicators, fresh), XsoarIntakeNames.IncidentFormat);
            await intake.IngestIntoAsync(link.InvestigationId, XsoarIntakeNames.EntriesInputKey(instance, incident.Id, last), raw,
                normalizer.Normalize(raw), cancellationToken);
            XsoarBridgeLog.EntriesMerged(_logger, instance, incident.Id, fresh.Count, link.InvestigationId);
        }
        await links.SaveLinkAsync(link with
        {
            LastArtifactId = Math.Max(link.LastArtifactId, all.Count == 0 ? 0 : all.Max(e => XsoarEntryNumber.Of(e.Id))),
            LastUpdateTime = incident.Modified ?? link.LastUpdateTime,
        }, cancellationToken);
        return fresh.Count > 0;
    }
}
