using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Intake;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>Writes what an investigation has so far into each incident of this instance that feeds it: triage, findings,
/// investigation, plan and report as markdown war-room entries, and the agent fields. Idempotent without trusting the
/// ledger alone: an entry not recorded as written with this content is looked for in the war room first (our user, our
/// marker, this content hash) and adopted, so a crash between the write and the ledger never duplicates it. A changed
/// entry supersedes the old one (a new entry, the old one tagged <c>superseded</c>): editing an entry in place by id is
/// not confirmed by any public source, and an edit that the server took as a new entry would duplicate it.</summary>
internal sealed class XsoarWriteBackService(IXsoarClient client, ISoarBridgeStore store, XsoarSelf self, ILogger<XsoarWriteBackService> logger)
{
    /// <summary>Brings every incident of this instance that feeds the investigation up to date with the record.</summary>
    /// <exception cref="XsoarUnavailableException">XSOAR is down: what was written stays in the ledger.</exception>
    /// <exception cref="XsoarUnauthorizedException">The key was refused.</exception>
    public async Task<SoarWriteResult> SyncAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var instance = client.InstanceName;
        var storeKey = XsoarIntakeNames.CursorKey(instance);
        var targets = (await store.ListLinksForInvestigationAsync(record.Id, cancellationToken))
            .Where(l => l.Instance == storeKey).Select(l => l.ContainerId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (record.Source is { Platform: XsoarIntakeNames.Platform } source && source.Instance == instance) targets.Add(source.ExternalId);

        var total = SoarWriteResult.None;
        foreach (var incidentId in targets.Distinct(StringComparer.Ordinal))
            total += await SyncIncidentAsync(storeKey, incidentId, record, cancellationToken);
        return total;
    }

    private async Task<SoarWriteResult> SyncIncidentAsync(string storeKey, string incidentId, InvestigationRecord record, CancellationToken cancellationToken)
    {
        var ledgerId = XsoarEntryNumber.Incident(incidentId);
        var warRoom = new XsoarWarRoom(client, incidentId);
        int created = 0, updated = 0, adopted = 0, unchanged = 0, refused = 0;
        foreach (var item in XsoarWriteBackItems.For(record))
        {
            try
            {
                switch (await WriteEntryAsync(storeKey, ledgerId, incidentId, record.Id, item, warRoom, cancellationToken))
                {
                    case XsoarEntryOutcome.Created: created++; break;
                    case XsoarEntryOutcome.Superseded: updated++; break;
                    case XsoarEntryOutcome.Adopted: adopted++; break;
                    default: unchanged++; break;
                }
            }
            catch (XsoarRequestException ex)
            {
                // One refused entry must not hold back the others; it is tried again next cycle.
                XsoarBridgeLog.WriteRefused(logger, client.InstanceName, record.Id, incidentId, ex.Status);
                refused++;
            }
        }
        switch (await WriteFieldsAsync(storeKey, ledgerId, incidentId, record, cancellationToken))
        {
            case true: updated++; break;
            case false: refused++; break;
            default: break;
        }
        if (created + updated + adopted > 0) XsoarBridgeLog.WrittenBack(logger, client.InstanceName, record.Id, incidentId, created, updated, adopted);
        return new SoarWriteResult(created, updated, adopted, unchanged, refused);
    }

    private async Task<XsoarEntryOutcome> WriteEntryAsync(string storeKey, long? ledgerId, string incidentId, string investigationId, XsoarWriteBackItem item,
        XsoarWarRoom warRoom, CancellationToken cancellationToken)
    {
        var recorded = ledgerId is { } id ? await store.GetWriteAsync(storeKey, id, item.Key, cancellationToken) : null;
        if (recorded is { State: SoarWriteState.Written } && recorded.ContentHash == item.Hash) return XsoarEntryOutcome.Unchanged;

        var me = await self.IdAsync(cancellationToken);
        var ours = (await warRoom.GetAsync(cancellationToken))
            .Select(e => (Entry: e, Hash: XsoarEntryMarker.HashOf(e, me, investigationId, item.Kind)))
            .Where(p => p.Hash is not null && !XsoarEntryMarker.IsSuperseded(p.Entry)).ToList();
        var shortHash = item.Hash[..XsoarEntryMarker.HashLength];
        var current = ours.FirstOrDefault(p => p.Hash == shortHash).Entry;
        XsoarEntryOutcome outcome;
        if (current is null)
        {
            // Pending first: a crash after the add leaves an entry that the next run finds by its marker and adopts.
            if (ledgerId is { } pending)
                await store.SaveWriteAsync(new SoarWriteEntry(storeKey, pending, item.Key, recorded?.SoarId, item.Hash, SoarWriteState.Pending), cancellationToken);
            current = await client.AddEntryAsync(incidentId, item.Markdown(investigationId), cancellationToken);
            outcome = ours.Count > 0 || recorded is { State: SoarWriteState.Written } ? XsoarEntryOutcome.Superseded : XsoarEntryOutcome.Created;
        }
        else
        {
            outcome = XsoarEntryOutcome.Adopted;
        }

        var tags = XsoarEntryMarker.Tags(item.Kind);
        if (!tags.All(t => current.Tags.Contains(t, StringComparer.Ordinal)))
            await client.SetEntryTagsAsync(incidentId, current.Id, tags, cancellationToken);
        foreach (var (older, _) in ours.Where(p => p.Entry.Id != current.Id))
            await client.SetEntryTagsAsync(incidentId, older.Id, XsoarEntryMarker.SupersededTags(item.Kind), cancellationToken);
        if (ledgerId is { } written)
            await store.SaveWriteAsync(new SoarWriteEntry(storeKey, written, item.Key, XsoarEntryNumber.Of(current.Id), item.Hash, SoarWriteState.Written), cancellationToken);
        return outcome;
    }

    // True when the fields were set now, false when XSOAR refused them, null when already set.
    private async Task<bool?> WriteFieldsAsync(string storeKey, long? ledgerId, string incidentId, InvestigationRecord record, CancellationToken cancellationToken)
    {
        var fields = XsoarAgentFields.For(record);
        if (fields.Count == 0) return null;
        var hash = XsoarAgentFields.HashOf(fields);
        var key = XsoarAgentFields.Key(record.Id);
        if (ledgerId is { } id && await store.GetWriteAsync(storeKey, id, key, cancellationToken) is { State: SoarWriteState.Written } done && done.ContentHash == hash)
            return null;
        // Setting the same values again changes nothing, so a crash before the ledger write only repeats a no-op.
        try
        {
            var result = await client.ExecuteCommandAsync(incidentId, XsoarAgentFields.Command, fields, null, cancellationToken);
            if (result.Any(e => e.IsError))
            {
                XsoarBridgeLog.FieldsRefused(logger, client.InstanceName, record.Id, incidentId);
                return false;
            }
        }
        catch (XsoarRequestException ex)
        {
            XsoarBridgeLog.WriteRefused(logger, client.InstanceName, record.Id, incidentId, ex.Status);
            return false;
        }
        if (ledgerId is { } written)
            await store.SaveWriteAsync(new SoarWriteEntry(storeKey, written, key, null, hash, SoarWriteState.Written), cancellationToken);
        return true;
    }
}
