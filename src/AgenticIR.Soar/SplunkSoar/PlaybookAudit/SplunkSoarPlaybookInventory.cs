using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.PlaybookAudit;

/// <summary>Reads a Splunk SOAR instance's playbook inventory and what its playbooks did inside a window: the playbook
/// list, the playbook runs started since the window opened, and the action runs those runs launched, each mapped back to
/// a logical action through the connectors' <c>splunk_soar</c> bindings. Reads only.</summary>
internal static class SplunkSoarPlaybookInventory
{
    public const string Platform = "splunk_soar";

    public static async Task<IReadOnlyList<AuditedPlaybook>> ReadAsync(ISplunkSoarHistoryClient client, IActionCatalog catalog, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(catalog);
        var playbooks = await client.ListPlaybooksAsync(cancellationToken);
        var runs = await client.ListPlaybookRunsStartedSinceAsync(since, cancellationToken);
        var actionRuns = await client.ListPlaybookActionRunsStartedSinceAsync(since, cancellationToken);
        var apps = (await client.ListAppsAsync(cancellationToken)).ToDictionary(a => a.Id);
        var appActionTypes = (await client.ListAppActionsAsync(cancellationToken))
            .GroupBy(a => (a.AppId, Action: a.Action.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.First().Type);
        var mapper = ConnectorBindingMap.SplunkSoar(catalog);

        var actionsByRun = actionRuns.Where(a => a.PlaybookRunId is not null)
            .GroupBy(a => a.PlaybookRunId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AuditedAction>)[.. g.OrderBy(a => a.Id).Select(a => Map(a, apps, appActionTypes, mapper))]);

        var byId = playbooks.ToDictionary(p => p.Id);
        var runsByPlaybook = new Dictionary<string, List<AuditedRun>>(StringComparer.Ordinal);
        var orphanNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var name = run.PlaybookId is { } id && byId.TryGetValue(id, out var known) ? known.FullName
                : playbooks.FirstOrDefault(p => p.FullName == run.Playbook || p.Name == run.Playbook)?.FullName;
            if (name is null)
            {
                name = run.Playbook.Length > 0 ? run.Playbook : $"playbook {run.PlaybookId}";
                orphanNames.Add(name);
            }
            if (!runsByPlaybook.TryGetValue(name, out var list)) runsByPlaybook[name] = list = [];
            list.Add(new AuditedRun(run.Id, run.Status, run.StartTime ?? since, run.EndTime, run.ContainerId,
                actionsByRun.TryGetValue(run.Id, out var launched) ? launched : []));
        }

        var audited = playbooks
            .Select(p => new AuditedPlaybook(Platform, client.InstanceName, p.FullName, p.Active, runsByPlaybook.GetValueOrDefault(p.FullName) ?? []))
            .Concat(orphanNames.Select(n => new AuditedPlaybook(Platform, client.InstanceName, n, false, runsByPlaybook[n], InInventory: false)));
        return [.. audited.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static AuditedAction Map(SoarActionRun run, Dictionary<long, SoarApp> apps, Dictionary<(long, string), string?> types, ConnectorBindingMap mapper)
    {
        var appId = run.Targets.Select(t => t.AppId).FirstOrDefault(id => id is not null);
        var app = appId is { } id && apps.TryGetValue(id, out var found) ? found.Name : "";
        var parameters = run.Targets.SelectMany(t => t.Parameters).FirstOrDefault() ?? new Dictionary<string, string>();
        var logical = mapper.Find(app, run.Action, parameters);
        var enrichment = logical is not null
            ? mapper.KindOf(logical) == ActionKind.Enrichment
            : appId is { } known && types.TryGetValue((known, run.Action.ToLowerInvariant()), out var type)
              && string.Equals(type, "investigate", StringComparison.OrdinalIgnoreCase);
        return new AuditedAction(logical, app, run.Action, enrichment);
    }
}
