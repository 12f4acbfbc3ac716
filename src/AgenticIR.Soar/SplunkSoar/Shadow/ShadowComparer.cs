using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>Computes one container's shadow comparison. Action overlap compares response actions only (enrichment
/// lookups are investigation, not decisions); the playbook's side is every action run on the container that we did not
/// launch, mapped back to logical actions through the connector bindings.</summary>
internal sealed class ShadowComparer(IActionCatalog catalog)
{
    public ShadowComparison Compare(ShadowInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var record = inputs.Investigation;
        var container = inputs.Container;
        var agentSeverity = (record.Triage?.Severity ?? record.PrimaryAlert.SourceSeverity ?? Severity.Medium).ToWire();

        var artifactCef = VerdictCef(inputs.VerdictArtifact);
        var rawSeverity = container.Severity ?? artifactCef.GetValueOrDefault("severity");
        var containerSeverity = SeverityNames.TryParse(rawSeverity, out var parsed) ? parsed.ToWire() : rawSeverity;
        var agentDisposition = ShadowDispositions.OfAgents(record.Report);
        var analystDisposition = ShadowDispositions.Normalize(container.CustomFields.GetValueOrDefault(inputs.DispositionField))
            ?? ShadowDispositions.Normalize(artifactCef.GetValueOrDefault("disposition"));

        var theirRuns = inputs.ActionRuns.Where(r => !r.Name.StartsWith(SoarDispatchNames.RunNamePrefix, StringComparison.Ordinal)).ToList();
        var (playbookActions, unmapped) = MapActions(theirRuns, inputs.Apps);
        var agentActions = ShadowAgentSide.Actions(record);

        var (started, decided) = ShadowAgentSide.Times(inputs.StageEvents);
        var playbookEnd = inputs.PlaybookRuns.Where(r => r.Status is "success" or "failed" && r.UpdateTime is not null)
            .Select(r => r.UpdateTime).Min() ?? container.CloseTime;

        return new ShadowComparison
        {
            Instance = record.Source?.Instance ?? "",
            ContainerId = record.Source?.ExternalId ?? container.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            InvestigationId = record.Id,
            Playbook = record.Playbook?.Playbook ?? "",
            PlaybookRuns = [.. inputs.PlaybookRuns.OrderBy(r => r.StartTime).ThenBy(r => r.Id).Select(r => $"{r.Playbook}: {r.Status}")],
            AgentSeverity = agentSeverity,
            ContainerSeverity = containerSeverity,
            SeverityAgreement = containerSeverity is null || !SeverityNames.TryParse(containerSeverity, out _) ? null : containerSeverity == agentSeverity,
            AgentDisposition = agentDisposition,
            AnalystDisposition = analystDisposition,
            DispositionAgreement = analystDisposition is null ? null : analystDisposition == agentDisposition,
            AgentActions = agentActions,
            PlaybookActions = playbookActions,
            UnmappedPlaybookActions = unmapped,
            ActionOverlap = Jaccard(agentActions, playbookActions),
            ExtraFindings = ShadowAgentSide.ExtraFindings(record.Report?.Findings ?? [], theirRuns.SelectMany(r => r.Targets).SelectMany(t => t.Parameters).SelectMany(p => p.Values)),
            AgentsStartedAt = started,
            AgentsDecidedAt = decided,
            AgentDecisionSeconds = started is not null && decided is not null ? (decided.Value - started.Value).TotalSeconds : null,
            ContainerCreatedAt = container.CreateTime,
            PlaybookDecidedAt = playbookEnd,
            PlaybookDecisionSeconds = container.CreateTime is not null && playbookEnd is not null ? (playbookEnd.Value - container.CreateTime.Value).TotalSeconds : null,
            ContainerStatus = container.Status,
            ClosedAt = container.CloseTime,
            Final = container.CloseTime is not null || string.Equals(container.Status, "closed", StringComparison.OrdinalIgnoreCase),
            ObservedAt = inputs.ObservedAt,
        };
    }

    /// <summary>|A ∩ B| / |A ∪ B|; 1 when both are empty (both decided nothing needed doing).</summary>
    public static double Jaccard(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        var union = a.Union(b, StringComparer.Ordinal).Count();
        return union == 0 ? 1.0 : (double)a.Intersect(b, StringComparer.Ordinal).Count() / union;
    }

    private (List<string> Mapped, List<string> Unmapped) MapActions(IReadOnlyList<SoarActionRun> runs, IReadOnlyList<SoarApp> apps)
    {
        var mapped = new SortedSet<string>(StringComparer.Ordinal);
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var appNames = run.Targets.Where(t => t.AppId is not null).Select(t => apps.FirstOrDefault(a => a.Id == t.AppId)?.Name)
                .Where(n => n is not null).Select(n => n!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var matches = catalog.All.Where(d => d.SplunkSoar is { } b
                    && string.Equals(b.Action, run.Action, StringComparison.OrdinalIgnoreCase)
                    && (appNames.Count == 0 || appNames.Contains(b.App, StringComparer.OrdinalIgnoreCase)))
                .ToList();
            // Without an app id the action name alone must be unambiguous, or the run is not claimed for any logical action.
            if (matches.Count == 0 || (appNames.Count == 0 && matches.Count > 1))
            {
                unmapped.Add($"{(appNames.Count == 0 ? "unknown app" : string.Join("/", appNames))}: {run.Action}");
                continue;
            }
            // Several logical actions may share one app action (block_ip and modify_firewall_rule are both Panorama
            // "block ip"): the run is claimed by the one binding its parameters fit best, so it is not counted twice.
            var match = BestFit(matches, run);
            if (match.Kind != ActionKind.Enrichment) mapped.Add(match.Name);
        }
        return ([.. mapped], [.. unmapped]);
    }

    private static ActionDefinition BestFit(List<ActionDefinition> matches, SoarActionRun run)
    {
        if (matches.Count == 1) return matches[0];
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in run.Targets.SelectMany(t => t.Parameters).SelectMany(p => p)) given.TryAdd(name, value);
        return matches
            .OrderByDescending(d => Fit(d.SplunkSoar!, given))
            .ThenBy(d => d.SplunkSoar!.Parameters.Count)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .First();
    }

    // +1 per binding parameter the run set to the binding's value (any value for a ${...} template), -1 per one set otherwise.
    private static int Fit(SplunkSoarBinding binding, Dictionary<string, string> given) => binding.Parameters.Sum(p =>
        !given.TryGetValue(p.Key, out var value) ? 0
        : p.Value.Contains("${", StringComparison.Ordinal) || string.Equals(value, p.Value, StringComparison.OrdinalIgnoreCase) ? 1
        : -1);

    private static Dictionary<string, string> VerdictCef(SoarArtifact? artifact)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (artifact is null || artifact.Raw.ValueKind != System.Text.Json.JsonValueKind.Object
            || !artifact.Raw.TryGetProperty("cef", out var cef) || cef.ValueKind != System.Text.Json.JsonValueKind.Object)
            return values;
        foreach (var property in cef.EnumerateObject())
        {
            if (property.Value.ValueKind == System.Text.Json.JsonValueKind.String) values[property.Name] = property.Value.GetString()!;
        }
        return values;
    }
}
