using System.Globalization;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Intake;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>Writes what an investigation has so far into each container that feeds it: triage, investigation, plan and
/// report notes, and one artifact per finding. Idempotent: the ledger says what was written with which content; an item
/// not yet in the ledger as written is looked for on the SOAR first (artifacts by source_data_identifier, notes by title
/// and marker) and adopted, so a crash between a create and its ledger write never duplicates it. Changed notes and
/// artifacts are updated in place; unchanged ones are not sent.</summary>
internal sealed partial class WriteBackService(
    SoarClientDirectory clients,
    ISoarBridgeStore store,
    SplunkSoarBridgeOptions options,
    ILogger<WriteBackService> logger)
{
    /// <summary>Brings every container of the investigation up to date with the record.</summary>
    /// <exception cref="SoarUnavailableException">The SOAR is down: what was written stays in the ledger; the rest follows next time.</exception>
    /// <exception cref="SoarUnauthorizedException">The token was refused.</exception>
    public async Task<WriteBackResult> SyncAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // The source container, and every container merged into the investigation since (it may have opened elsewhere).
        var targets = (await store.ListLinksForInvestigationAsync(record.Id, cancellationToken))
            .Select(l => (l.Instance, l.ContainerId)).ToList();
        if (record.Source is { Platform: SoarBridgeNames.Platform } source
            && long.TryParse(source.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var sourceContainer))
            targets.Add((source.Instance, sourceContainer));

        var total = WriteBackResult.None;
        foreach (var (instance, containerId) in targets.Distinct())
        {
            var client = clients.Find(instance);
            if (client is null) continue;
            total += await SyncContainerAsync(client, instance, containerId, record, cancellationToken);
        }
        return total;
    }

    private async Task<WriteBackResult> SyncContainerAsync(ISplunkSoarClient client, string instance, long containerId, InvestigationRecord record, CancellationToken cancellationToken)
    {
        var notes = new ContainerNotes(client, containerId);
        int created = 0, updated = 0, adopted = 0, unchanged = 0, refused = 0;
        foreach (var item in WriteBackItems.For(record, containerId, options.MaxNoteBytes))
        {
            try
            {
                var outcome = item.Note is not null
                    ? await WriteNoteAsync(client, instance, containerId, record.Id, item, notes, cancellationToken)
                    : await WriteArtifactAsync(client, instance, containerId, item, cancellationToken);
                switch (outcome)
                {
                    case WriteOutcome.Created: created++; break;
                    case WriteOutcome.Updated: updated++; break;
                    case WriteOutcome.Adopted: adopted++; break;
                    default: unchanged++; break;
                }
            }
            catch (SoarRequestException ex)
            {
                // One refused item (e.g. a field the SOAR rejects) must not hold back the others; it is retried next cycle.
                BridgeLog.WriteRefused(logger, instance, record.Id, containerId, ex.Status);
                refused++;
            }
        }
        if (created + updated + adopted > 0) BridgeLog.WrittenBack(logger, instance, record.Id, containerId, created, updated, adopted);
        return new WriteBackResult(created, updated, adopted, unchanged, refused);
    }
}
