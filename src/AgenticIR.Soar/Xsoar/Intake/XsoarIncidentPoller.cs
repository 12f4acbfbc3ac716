using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>Takes incidents of the enabled <c>platform: xsoar</c> entries of config/playbooks.yaml: searches
/// <c>/incidents/search</c> by the entries' incident types, modified at or after the cursor, oldest change first; picks
/// the first entry whose types and playbooks match; normalizes incident + indicators and hands it over exactly once per
/// incident through the intake ledger. The cursor moves past an incident only after it was handed over (or left alone),
/// so a crash repeats at most the incident in hand, and the ledger makes that repeat a no-op.</summary>
internal sealed class XsoarIncidentPoller(IXsoarClient client, IPlaybookCatalog playbooks, IXsoarIntakeCursor cursor, IAlertNormalizer normalizer, IAlertIntake intake)
{
    // A server that keeps reporting more must not keep a pass going forever.
    private const int MaxPages = 1000;

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
        int taken = 0, seen = 0, leftAlone = 0;
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
                if (outcome?.Intake.InvestigationId is { } id) touched.Add(id);
                if (incident.Modified is { } modified) await cursor.AdvanceAsync(instance, modified, cancellationToken);
            }
            fetched += result.Incidents.Count;
            if (result.Incidents.Count == 0 || fetched >= result.Total) break;
        }
        return new XsoarIntakePassResult(taken, seen, leftAlone, [.. touched.Distinct(StringComparer.Ordinal)]);
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
}
