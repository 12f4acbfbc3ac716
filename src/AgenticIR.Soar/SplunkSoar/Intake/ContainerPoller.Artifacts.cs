using System.Collections.Concurrent;
using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.WriteBack;

namespace AgenticIR.Soar.SplunkSoar.Intake;

internal sealed partial class ContainerPoller
{
    // Containers whose records carry no update time: the change signal each had when this process last read its
    // artifacts. Empty after a restart, so each such open container is read once then, and again only when it changed.
    private readonly ConcurrentDictionary<(string Instance, long ContainerId), string> _signals = new();

    // Second pass: containers changed since the update cursor, among those already taken, are re-read for artifacts
    // added since; those become one more alert of the container's investigation.
    private async Task<int> TakeNewArtifactsAsync(ISplunkSoarClient client, string instance, List<string> touched, CancellationToken cancellationToken)
    {
        if (Labels(instance) is not { } labels) return 0;
        var links = (await store.ListLinksAsync(instance, cancellationToken)).ToDictionary(l => l.ContainerId);
        if (links.Count == 0) return 0;
        var cursor = await store.GetCursorAsync(instance, cancellationToken);
        var since = (cursor.LastUpdateTime ?? links.Values.Min(l => l.LastUpdateTime)) - options.UpdateOverlap;

        var updates = 0;
        DateTimeOffset? newest = null;
        for (var pageNumber = 0; ; pageNumber++)
        {
            var page = await client.ListContainersAsync(new ContainerQuery(labels, UpdatedAfter: since, Page: pageNumber, PageSize: options.PageSize), cancellationToken);
            foreach (var container in page.Data)
            {
                if (container.UpdateTime > newest || newest is null) newest = container.UpdateTime;
                if (!links.TryGetValue(container.Id, out var link) || !HasChanged(instance, container, link)) continue;
                if (await StandsAsideAsync(link, cancellationToken))
                {
                    // Triage put it at off: its new artifacts are not read (the change is still noted, so it is not checked again).
                    await store.SaveLinkAsync(link with { LastUpdateTime = container.UpdateTime ?? link.LastUpdateTime }, cancellationToken);
                    Remember(instance, container);
                    continue;
                }
                if (await TakeArtifactsOfAsync(client, instance, container, link, cancellationToken) is { } investigationId)
                {
                    touched.Add(investigationId);
                    updates++;
                }
                Remember(instance, container);
            }
            if (page.Data.Count == 0 || pageNumber + 1 >= page.NumPages) break;
        }
        if (newest is { } to) await store.AdvanceUpdateCursorAsync(instance, to, cancellationToken);
        return updates;
    }

    private bool HasChanged(string instance, SoarContainer container, SoarContainerLink link)
    {
        if (container.UpdateTime is { } updated) return link.LastUpdateTime is not { } seen || updated > seen;
        return !_signals.TryGetValue((instance, container.Id), out var signal) || signal != ContainerChangeSignal.Of(container);
    }

    private void Remember(string instance, SoarContainer container)
    {
        if (container.UpdateTime is null) _signals[(instance, container.Id)] = ContainerChangeSignal.Of(container);
    }

    private async Task<bool> StandsAsideAsync(SoarContainerLink link, CancellationToken cancellationToken) =>
        await state.GetAsync(link.InvestigationId, cancellationToken) is { } record && StandAsideNote.Applies(record);

    private async Task<string?> TakeArtifactsOfAsync(ISplunkSoarClient client, string instance, SoarContainer container, SoarContainerLink link, CancellationToken cancellationToken)
    {
        var artifacts = await client.ListArtifactsAsync(container.Id, cancellationToken);
        var fresh = artifacts.Where(a => a.Id > link.LastArtifactId && !SoarBridgeNames.IsOwnArtifact(a)).OrderBy(a => a.Id).ToList();
        string? fed = null;
        if (fresh.Count > 0)
        {
            var maxId = fresh[^1].Id;
            var raw = new RawAlert(SoarBridgeNames.AlertSource(instance, container.Id),
                ContainerPayload.Build(container, fresh, string.Create(CultureInfo.InvariantCulture, $"#artifacts:{maxId}")), SoarBridgeNames.ContainerFormat);
            var outcome = await intake.IngestIntoAsync(link.InvestigationId, SoarBridgeNames.ArtifactsInputKey(instance, container.Id, maxId), raw,
                normalizer.Normalize(raw), cancellationToken);
            BridgeLog.ArtifactsAdded(logger, instance, container.Id, fresh.Count, link.InvestigationId, outcome.Intake.Status);
            fed = link.InvestigationId;
        }
        await store.SaveLinkAsync(link with
        {
            LastArtifactId = Math.Max(link.LastArtifactId, artifacts.Count == 0 ? 0 : artifacts.Max(a => a.Id)),
            LastUpdateTime = container.UpdateTime ?? link.LastUpdateTime,
        }, cancellationToken);
        return fed;
    }
}
