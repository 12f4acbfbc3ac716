using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>Computes one XSOAR incident's shadow comparison, in the same terms as a Splunk SOAR container's: the
/// incident's final severity, the analyst's close reason as the disposition, and the commands the playbook and analysts
/// ran, mapped back to logical actions through the connectors' <c>xsoar</c> bindings (integration and command name; when
/// several logical actions share one command, the one whose arguments fit the command line best).</summary>
internal sealed class XsoarShadowComparer(IActionCatalog catalog)
{
    // XSOAR incident status (Swagger Incident.status): 0 pending, 1 active, 2 done (closed), 3 archived.
    private const int ClosedStatus = 2;

    public ShadowComparison Compare(XsoarShadowInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var record = inputs.Investigation;
        var incident = inputs.Incident;
        var agentSeverity = (record.Triage?.Severity ?? record.PrimaryAlert.SourceSeverity ?? Severity.Medium).ToWire();
        var incidentSeverity = SeverityOf(incident.Severity)?.ToWire();
        var agentDisposition = ShadowDispositions.OfAgents(record.Report);
        // The close reason is the analyst's verdict: XSOAR's own reasons are Resolved, False Positive, Duplicate and Other,
        // of which only False Positive names a disposition; custom reasons (True Positive, Benign…) are read the same way.
        var analystDisposition = incident.Status == ClosedStatus ? ShadowDispositions.Normalize(incident.CloseReason) : null;

        var agentActions = ShadowAgentSide.Actions(record);
        var ran = XsoarRanCommands.Of(inputs.Playbook, inputs.Entries, inputs.ApiUser);
        var (playbookActions, unmapped) = MapActions(ran, agentActions);

        var (started, decided) = ShadowAgentSide.Times(inputs.StageEvents);
        var final = incident.Status == ClosedStatus;
        var closedAt = final ? Date(incident.Raw, "closed") ?? incident.Modified : null;
        var playbookEnd = string.Equals(inputs.Playbook?.State, "completed", StringComparison.OrdinalIgnoreCase)
            ? inputs.Playbook!.Tasks.Select(t => t.CompletedDate).Where(d => d is { Year: > 1 }).Max() ?? closedAt
            : closedAt;

        return new ShadowComparison
        {
            Instance = XsoarShadowNames.ComparisonInstance(inputs.Instance),
            ContainerId = incident.Id,
            InvestigationId = record.Id,
            Playbook = record.Playbook?.Playbook ?? "",
            PlaybookRuns = inputs.Playbook is { } playbook ? [$"{playbook.Name ?? playbook.PlaybookId}: {playbook.State}"] : [],
            AgentSeverity = agentSeverity,
            ContainerSeverity = incidentSeverity,
            SeverityAgreement = incidentSeverity is null ? null : incidentSeverity == agentSeverity,
            AgentDisposition = agentDisposition,
            AnalystDisposition = analystDisposition,
            DispositionAgreement = analystDisposition is null ? null : analystDisposition == agentDisposition,
            AgentActions = agentActions,
            PlaybookActions = playbookActions,
            UnmappedPlaybookActions = unmapped,
            ActionOverlap = ShadowComparer.Jaccard(agentActions, playbookActions),
            ExtraFindings = ShadowAgentSide.ExtraFindings(record.Report?.Findings ?? [], ran.SelectMany(c => c.Arguments.Values)),
            AgentsStartedAt = started,
            AgentsDecidedAt = decided,
            AgentDecisionSeconds = started is not null && decided is not null ? (decided.Value - started.Value).TotalSeconds : null,
            ContainerCreatedAt = incident.Created,
            PlaybookDecidedAt = playbookEnd,
            PlaybookDecisionSeconds = incident.Created is not null && playbookEnd is not null ? (playbookEnd.Value - incident.Created.Value).TotalSeconds : null,
            ContainerStatus = StatusOf(incident),
            ClosedAt = closedAt,
            Final = final,
            ObservedAt = inputs.ObservedAt,
        };
    }

    /// <summary>XSOAR's severity scale: 0 unknown, 0.5 informational, 1 low, 2 medium, 3 high, 4 critical.</summary>
    public static Severity? SeverityOf(double? severity) => severity switch
    {
        >= 4 => Severity.Critical,
        >= 3 => Severity.High,
        >= 2 => Severity.Medium,
        >= 1 => Severity.Low,
        > 0 => Severity.Informational,
        _ => null,
    };

    // "closed by lead1" keeps who closed it (closingUserId, Swagger Incident) beside the status.
    private static string StatusOf(XsoarIncident incident)
    {
        var status = incident.Status switch { 0 => "pending", 1 => "active", ClosedStatus => "closed", 3 => "archived", _ => "unknown" };
        return incident.Status == ClosedStatus && String(incident.Raw, "closingUserId") is { Length: > 0 } user ? $"{status} by {user}" : status;
    }

    private (List<string> Mapped, List<string> Unmapped) MapActions(IReadOnlyList<XsoarRanCommand> ran, IReadOnlyList<string> agentActions)
    {
        var mapped = new SortedSet<string>(StringComparer.Ordinal);
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var command in ran)
        {
            var matches = catalog.All.Where(d => d.Xsoar is { } b
                    && string.Equals(b.Command, command.Command, StringComparison.OrdinalIgnoreCase)
                    && (command.Brand is null || string.Equals(b.Integration, command.Brand, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            // Without the brand, the command name alone must be unambiguous across integrations.
            if (matches.Count == 0 || (command.Brand is null && matches.Select(m => m.Xsoar!.Integration).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1))
            {
                unmapped.Add($"{command.Brand ?? "unknown integration"}: {command.Command}");
                continue;
            }
            var match = BestFit(matches, command, agentActions);
            if (match.Kind != ActionKind.Enrichment) mapped.Add(match.Name);
        }
        return ([.. mapped], [.. unmapped]);
    }

    // Logical actions may share one command (disable_user_account and disable_service_account both run AD's
    // ad-disable-account): the one whose arguments fit the command line best claims it; between equal fits, the one the
    // agents planned (the same command is the same decision), then the one with fewer arguments.
    private static ActionDefinition BestFit(List<ActionDefinition> matches, XsoarRanCommand command, IReadOnlyList<string> agentActions) => matches.Count == 1
        ? matches[0]
        : matches
            .OrderByDescending(d => Fit(d.Xsoar!, command.Arguments))
            .ThenByDescending(d => agentActions.Contains(d.Name, StringComparer.Ordinal))
            .ThenBy(d => d.Xsoar!.Arguments.Count)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .First();

    // +1 per binding argument the command line set to the binding's value (any value for a ${...} template), -1 per one set otherwise.
    private static int Fit(XsoarBinding binding, IReadOnlyDictionary<string, string> given) => binding.Arguments.Sum(a =>
        !given.TryGetValue(a.Key, out var value) ? 0
        : a.Value.Contains("${", StringComparison.Ordinal) || string.Equals(value, a.Value, StringComparison.OrdinalIgnoreCase) ? 1
        : -1);

    private static string? String(JsonElement raw, string name) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // XSOAR writes "0001-01-01T00:00:00Z" for a date never set.
    private static DateTimeOffset? Date(JsonElement raw, string name) =>
        String(raw, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1
            ? at : null;
}
