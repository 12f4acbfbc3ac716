using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Intake;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Approvals.Delegation;

/// <summary>For an instance whose <c>approvals</c> is <c>asset_approvers</c>: hands each pending action that any approver
/// may answer to Splunk SOAR's asset approvers (after the dispatch guard, and only when every asset it runs on has
/// approvers), and reads back what they decided and how the run ended. An action that cannot go stays with this
/// worker's approvers, with the reason on its timeline, and is answered by comment or CLI as usual.</summary>
internal sealed class AssetApproverPass(
    SplunkSoarActionDispatcher dispatcher,
    IDelegatedApprovals delegated,
    ISoarBridgeStore store,
    IStateStore state,
    ILogger<AssetApproverPass> logger)
{
    /// <summary>One pass over the instance's investigations with pending actions; returns the investigations it changed.</summary>
    public async Task<IReadOnlyList<string>> PassAsync(string instance, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        // Only unfinished investigations can hold pending actions: finished ones are not even read.
        var unfinished = (await state.ListUnfinishedAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var ids = (await store.ListLinksAsync(instance, cancellationToken)).Select(l => l.InvestigationId)
            .Where(unfinished.Contains).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await state.GetAsync(id, cancellationToken) is not { Plan: { } plan } record) continue;
            foreach (var actionId in plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending).Select(a => a.ActionId).ToList())
            {
                // Each step saves the record, so the next action is judged against the latest version.
                record = await state.GetAsync(id, cancellationToken) ?? record;
                if (record.Plan!.Actions.FirstOrDefault(a => a.ActionId == actionId) is not { } action) continue;
                var acted = DelegationEligibility.IsDelegated(action)
                    ? await ReadBackAsync(record, action, cancellationToken)
                    : DelegationEligibility.IsDelegatable(action) && await HandOverAsync(record, action, cancellationToken);
                if (acted && !changed.Contains(id, StringComparer.Ordinal)) changed.Add(id);
            }
        }
        return changed;
    }

    private async Task<bool> HandOverAsync(InvestigationRecord record, ResponseAction action, CancellationToken cancellationToken)
    {
        var request = await delegated.RequestOfAsync(record.Id, action.ActionId, cancellationToken);
        if (DelegationEligibility.ReasonToKeep(record, action, request) is { } keep) return await KeepAsync(record, action, keep, cancellationToken);

        var assets = await dispatcher.CheckAssetApproversAsync(record, action, cancellationToken);
        if (assets.Problem is not null) return await KeepAsync(record, action, assets.Problem, cancellationToken);

        var decision = await delegated.AcquireAsync(record, action, cancellationToken);
        if (!decision.Allowed) return await KeepAsync(record, action, $"{decision.Control}: {decision.Reason}", cancellationToken);

        var execution = await dispatcher.HandOverAsync(record, action, cancellationToken);
        if (execution.Status != DispatchStatus.AwaitingSoarApproval)
            return await KeepAsync(record, action, execution.Message, cancellationToken);
        BridgeLog.HandedOver(logger, action.ActionId, record.Id, execution.ExternalId);
        return await delegated.RecordHandOverAsync(record.Id, action.ActionId, execution, assets.Description, cancellationToken);
    }

    private async Task<bool> KeepAsync(InvestigationRecord record, ResponseAction action, string reason, CancellationToken cancellationToken)
    {
        BridgeLog.KeptHere(logger, action.ActionId, record.Id, reason);
        return await delegated.KeepHereAsync(record.Id, action.ActionId, reason, cancellationToken);
    }

    private async Task<bool> ReadBackAsync(InvestigationRecord record, ResponseAction action, CancellationToken cancellationToken) =>
        await dispatcher.ReadHandedOverAsync(record, action, cancellationToken) is { } answer
        && await delegated.ResolveAsync(record.Id, action.ActionId, answer, cancellationToken);
}
