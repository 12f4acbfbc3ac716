using System.Globalization;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.PlaybookAudit;

/// <summary>Reads a Cortex XSOAR instance's playbook inventory and what its playbooks did inside a window: the playbook
/// library (<c>POST /playbook/search</c>), the incidents created since the window opened (<c>POST /incidents/search</c>),
/// and for each incident with a <c>playbookId</c> its work plan (<c>GET /inv-playbook/{id}</c>): the playbook that ran,
/// when it started, its state and the tasks it ran. A run is one incident's playbook; the integration commands its
/// tasks ran are mapped back to logical actions through the connectors' <c>xsoar</c> bindings. Reads only; one
/// work-plan read per incident in the window.</summary>
internal static class XsoarPlaybookInventory
{
    public const string Platform = "xsoar";

    // XSOAR's generic reputation commands: any enabled integration that answers them enriches the indicator.
    private static readonly HashSet<string> ReputationCommands = new(StringComparer.OrdinalIgnoreCase) { "ip", "url", "file", "domain", "email", "cve" };

    // Safety stop for a server that keeps answering full pages.
    private const int MaxPages = 10_000;

    public static async Task<IReadOnlyList<AuditedPlaybook>> ReadAsync(IXsoarClient client, IActionCatalog catalog, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(catalog);
        var playbooks = await ListPlaybooksAsync(client, cancellationToken);
        var mapper = ConnectorBindingMap.Xsoar(catalog);

        var runsByPlaybook = new Dictionary<string, List<AuditedRun>>(StringComparer.Ordinal);
        var orphanNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var incident in await ListIncidentsCreatedSinceAsync(client, since, cancellationToken))
        {
            if (string.IsNullOrEmpty(incident.PlaybookId)) continue;
            // No work plan: the playbook was named but never started.
            if (await client.GetPlaybookStateAsync(incident.Id, cancellationToken) is not { } plan) continue;
            var start = plan.StartDate ?? incident.Created ?? incident.Occurred;
            if (start is not { } started || started < since) continue;

            var reference = plan.PlaybookId is { Length: > 0 } ran ? ran : incident.PlaybookId;
            var name = Find(playbooks, reference)?.Name ?? Find(playbooks, plan.Name)?.Name;
            if (name is null)
            {
                name = plan.Name is { Length: > 0 } planName ? planName : reference;
                orphanNames.Add(name);
            }
            var tasks = Flatten(plan).ToList();
            var status = Status(plan, tasks);
            var finished = status is "success" or "failed";
            DateTimeOffset? end = finished ? tasks.Select(t => t.CompletedDate).Where(d => d is { } at && at.Year > 1).Max() : null;
            var id = long.TryParse(incident.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
            if (!runsByPlaybook.TryGetValue(name, out var list)) runsByPlaybook[name] = list = [];
            list.Add(new AuditedRun(id, status, started, end, id, [.. Actions(tasks, mapper)]));
        }

        var audited = playbooks
            .Select(p => new AuditedPlaybook(Platform, client.InstanceName, p.Name, !p.Hidden && !p.Deprecated, runsByPlaybook.GetValueOrDefault(p.Name) ?? []))
            .Concat(orphanNames.Select(n => new AuditedPlaybook(Platform, client.InstanceName, n, false, runsByPlaybook[n], InInventory: false)));
        return [.. audited.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>The run's status in the audit's terms: <c>completed</c> is a success; <c>failed</c>, or a task left in
    /// <c>Error</c> in a playbook that did not complete (an error stops the playbook unless the task continues on error),
    /// is a failure; anything else (<c>inprogress</c>, <c>waiting</c>, <c>paused</c>, <c>new</c>) has not finished.</summary>
    internal static string Status(XsoarPlaybookState plan, IReadOnlyList<XsoarPlaybookTask> tasks)
    {
        var state = plan.State?.ToLowerInvariant() ?? "";
        if (state == "completed") return "success";
        if (state == "failed" || tasks.Any(t => IsState(t, "Error"))) return "failed";
        return state.Length == 0 ? "unknown" : state;
    }

    private static IEnumerable<AuditedAction> Actions(IEnumerable<XsoarPlaybookTask> tasks, ConnectorBindingMap mapper) => tasks
        .Where(t => IsState(t, "Completed") || IsState(t, "Error"))
        .Select(t => (Task: t, Command: Command(t)))
        .Where(t => t.Command is not null)
        .OrderBy(t => t.Task.StartDate ?? t.Task.CompletedDate ?? DateTimeOffset.MaxValue)
        .ThenBy(t => int.TryParse(t.Task.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
        .Select(t =>
        {
            var (brand, command) = t.Command!.Value;
            var logical = mapper.Find(brand, command, t.Task.ScriptArguments);
            var enrichment = logical is not null ? mapper.KindOf(logical) == ActionKind.Enrichment : ReputationCommands.Contains(command);
            return new AuditedAction(logical, brand, command, enrichment);
        });

    /// <summary>An integration command a task runs: <c>scriptId</c> <c>Brand|||command</c> (or <c>|||command</c>, any
    /// integration that has it), the task's <c>brand</c> first. Automation scripts (no <c>|||</c>) and the server's
    /// <c>Builtin</c> commands (setIncident, closeInvestigation...) are not actions of an integration.</summary>
    private static (string Brand, string Command)? Command(XsoarPlaybookTask task)
    {
        if (task.ScriptId is not { } script) return null;
        var split = script.IndexOf("|||", StringComparison.Ordinal);
        if (split < 0) return null;
        var command = script[(split + 3)..];
        var brand = task.Brand is { Length: > 0 } b ? b : script[..split];
        if (command.Length == 0 || string.Equals(brand, "Builtin", StringComparison.OrdinalIgnoreCase)) return null;
        return (brand, command);
    }

    private static IEnumerable<XsoarPlaybookTask> Flatten(XsoarPlaybookState plan) =>
        plan.Tasks.SelectMany(t => t.SubPlaybook is { } sub ? Flatten(sub).Prepend(t) : [t]);

    private static bool IsState(XsoarPlaybookTask task, string state) => string.Equals(task.State, state, StringComparison.OrdinalIgnoreCase);

    private static XsoarPlaybook? Find(IReadOnlyList<XsoarPlaybook> playbooks, string? reference) =>
        string.IsNullOrEmpty(reference) ? null
            : playbooks.FirstOrDefault(p => p.Id == reference) ?? playbooks.FirstOrDefault(p => string.Equals(p.Name, reference, StringComparison.Ordinal));

    private static async Task<IReadOnlyList<XsoarPlaybook>> ListPlaybooksAsync(IXsoarClient client, CancellationToken cancellationToken)
    {
        var all = new List<XsoarPlaybook>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await client.SearchPlaybooksAsync(page, cancellationToken);
            var fresh = answer.Playbooks.Where(p => seen.Add(p.Id)).ToList();
            all.AddRange(fresh);
            if (fresh.Count == 0 || (answer.Total > 0 && all.Count >= answer.Total)) break;
        }
        return all;
    }

    private static async Task<IReadOnlyList<XsoarIncident>> ListIncidentsCreatedSinceAsync(IXsoarClient client, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var all = new List<XsoarIncident>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await client.SearchIncidentsAsync(new XsoarIncidentQuery { CreatedFrom = since, Page = page }, cancellationToken);
            var fresh = answer.Incidents.Where(i => seen.Add(i.Id)).ToList();
            all.AddRange(fresh);
            if (fresh.Count == 0 || all.Count >= answer.Total) break;
        }
        return all;
    }
}
