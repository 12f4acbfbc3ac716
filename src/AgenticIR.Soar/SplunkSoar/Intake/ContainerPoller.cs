using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Enrichment;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>Takes new containers of enabled playbooks, and new artifacts on containers already taken, and hands them to
/// the orchestrator. The cursor moves past a container only after it was handed over (or deliberately left alone), so a
/// crash repeats at most the container in hand, and the orchestrator's intake ledger makes that repeat a no-op.</summary>
internal sealed partial class ContainerPoller(
    SoarClientDirectory clients,
    IPlaybookCatalog playbooks,
    ISoarBridgeStore store,
    IStateStore state,
    IAlertNormalizer normalizer,
    IAlertIntake intake,
    SplunkSoarBridgeOptions options,
    TimeProvider time,
    ILogger<ContainerPoller> logger,
    SoarToolAvailability? tools = null)
{
    /// <summary>One intake pass over an instance: new containers first, then new artifacts on taken ones.</summary>
    public async Task<IntakePassResult> PollOnceAsync(string instance, CancellationToken cancellationToken)
    {
        var client = clients.Find(instance) ?? throw new InvalidOperationException($"No Splunk SOAR client is configured for instance '{instance}'.");
        var touched = new List<string>();
        // Before anything is investigated: which enrichment tools can run on this instance (re-read when due). Only
        // assisted and autonomous investigations use them, so an instance watched in shadow only is not asked.
        if (tools is not null && MayEnrich(instance)) await tools.RefreshIfDueAsync(client, cancellationToken);
        var (taken, leftAlone, more) = await TakeNewContainersAsync(client, instance, touched, cancellationToken);
        var updates = await TakeNewArtifactsAsync(client, instance, touched, cancellationToken);
        return new IntakePassResult([.. touched.Distinct(StringComparer.Ordinal)], taken, leftAlone, updates, more);
    }

    private async Task<(int Taken, int LeftAlone, bool More)> TakeNewContainersAsync(
        ISplunkSoarClient client, string instance, List<string> touched, CancellationToken cancellationToken)
    {
        if (Labels(instance) is not { } labels) return (0, 0, false);
        var cursor = (await store.GetCursorAsync(instance, cancellationToken)).LastContainerId;
        int taken = 0, leftAlone = 0;
        while (true)
        {
            // Keyset paging: always page 0 above the cursor, so containers created meanwhile cannot shift a page under us.
            var page = await client.ListContainersAsync(new ContainerQuery(labels, IdGreaterThan: cursor, PageSize: options.PageSize), cancellationToken);
            foreach (var container in page.Data.Where(c => c.Id > cursor).OrderBy(c => c.Id))
            {
                if (taken + leftAlone >= options.MaxContainersPerPoll) return (taken, leftAlone, true);
                var decision = await HandleAsync(client, instance, container, touched, cancellationToken);
                if (decision == ContainerDecision.Wait) return (taken, leftAlone, true);
                if (decision == ContainerDecision.Taken) taken++;
                else leftAlone++;
                await store.AdvanceContainerCursorAsync(instance, container.Id, cancellationToken);
                cursor = container.Id;
            }
            if (page.Data.Count == 0 || page.NumPages <= 1) return (taken, leftAlone, false);
        }
    }

    private async Task<ContainerDecision> HandleAsync(ISplunkSoarClient client, string instance, SoarContainer container, List<string> touched, CancellationToken cancellationToken)
    {
        var needsNames = playbooks.RequiresPlaybookNames(instance, container.Label);
        IReadOnlyList<string> names = needsNames
            ? [.. (await client.ListPlaybookRunsAsync(container.Id, cancellationToken)).Select(r => r.Playbook)]
            : [];
        var entry = playbooks.Match(instance, container.Label, names);
        if (entry is null)
        {
            if (needsNames && names.Count == 0 && container.CreateTime is { } created && time.GetUtcNow() - created < options.PlaybookRunGrace)
                return ContainerDecision.Wait;
            BridgeLog.ContainerUnmatched(logger, instance, container.Id);
            return ContainerDecision.LeftAlone;
        }
        if (entry.IsOffForEverySeverity)
        {
            BridgeLog.ContainerOff(logger, instance, container.Id, entry.Name);
            return ContainerDecision.LeftAlone;
        }

        var artifacts = await client.ListArtifactsAsync(container.Id, cancellationToken);
        var raw = new RawAlert(SoarBridgeNames.AlertSource(instance, container.Id),
            ContainerPayload.Build(container, [.. artifacts.Where(a => !SoarBridgeNames.IsOwnArtifact(a))]), SoarBridgeNames.ContainerFormat);
        var source = new SourceReference(SoarBridgeNames.Platform, instance, container.Id.ToString(CultureInfo.InvariantCulture));
        var outcome = await intake.IngestAsync(SoarBridgeNames.ContainerInputKey(instance, container.Id), raw, normalizer.Normalize(raw),
            new IngestContext(entry.ToAssignment(), source), cancellationToken);
        if (outcome.Intake.InvestigationId is { } investigationId)
        {
            await store.SaveLinkAsync(new SoarContainerLink(instance, container.Id, investigationId,
                artifacts.Count == 0 ? 0 : artifacts.Max(a => a.Id), container.UpdateTime), cancellationToken);
            Remember(instance, container);
            touched.Add(investigationId);
        }
        BridgeLog.ContainerTaken(logger, instance, container.Id, entry.Name, outcome.Intake.Status, outcome.Intake.InvestigationId);
        return ContainerDecision.Taken;
    }

    private bool MayEnrich(string instance) =>
        playbooks.Entries.Any(e => e.Match.AppliesTo(instance)
            && Enum.GetValues<Severity>().Any(s => e.ToAssignment().For(s) is PlaybookMode.Assisted or PlaybookMode.Autonomous));

    // Null when nothing of the instance is enabled: then the SOAR is not even asked.
    private IReadOnlyList<string>? Labels(string instance) => playbooks.EnabledLabels(instance) is { Count: > 0 } labels ? labels : null;
}
