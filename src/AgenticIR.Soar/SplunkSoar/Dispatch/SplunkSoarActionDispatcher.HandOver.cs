using System.Globalization;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Soar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Handing actions that need a human to Splunk SOAR's asset approvers: the same ledger-guarded, exactly-once
/// send as a dispatch, but nobody waits for the run; later reads pick up the approvers' answer and the outcome.</summary>
internal sealed partial class SplunkSoarActionDispatcher
{
    private static readonly string[] DeniedStatuses = ["denied", "rejected", "declined"];
    private static readonly string[] ApprovedResponses = ["approve", "approved", "yes", "accept"];

    /// <summary>The assets the action would run on, and whether each has approvers.</summary>
    public async Task<AssetApprovalCheck> CheckAssetApproversAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(action);
        if (investigation.Source is not { Platform: SoarDispatchNames.Platform } source || clients.Find(source.Instance) is not { } client)
            return new AssetApprovalCheck("", "the investigation did not come from a configured Splunk SOAR instance");
        if (catalog.Find(action.LogicalAction)?.SplunkSoar is not { } binding)
            return new AssetApprovalCheck("", $"'{action.LogicalAction}' has no splunk_soar binding in connectors/");
        var target = await apps.ResolveAsync(client, binding, cancellationToken);
        if (target.Problem is not null) return new AssetApprovalCheck("", target.Problem);

        var assets = await client.ListAssetsAsync(cancellationToken);
        var described = new List<string>();
        foreach (var name in target.Assets)
        {
            var asset = assets.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (asset is null) return new AssetApprovalCheck("", $"asset '{name}' does not exist on Splunk SOAR instance '{client.InstanceName}'");
            if (asset.PrimaryVoting is not > 0)
                return new AssetApprovalCheck("", $"asset '{asset.Name}' has no approvers in Splunk SOAR (primary_voting {asset.PrimaryVoting?.ToString(CultureInfo.InvariantCulture) ?? "absent"}), so Splunk SOAR would run the action at once");
            described.Add(string.Create(CultureInfo.InvariantCulture, $"{asset.Name}: {asset.PrimaryVoting} primary vote{(asset.PrimaryVoting == 1 ? "" : "s")}"));
        }
        return new AssetApprovalCheck(string.Join(", ", described), null);
    }

    /// <summary>Sends the action run for the asset approvers to decide on; returns <see cref="DispatchStatus.AwaitingSoarApproval"/>
    /// with the run id, or a refusal (<see cref="DispatchStatus.Failed"/>, nothing sent).</summary>
    public Task<ActionExecution> HandOverAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        DispatchAsync(investigation, CatalogChoice.ForExecute(catalog, action), action.Target, track: false, cancellationToken);

    /// <summary>Reads a handed-over run once: the approvers' answer with the run's outcome, or null while they have
    /// not decided and the run has not finished. A settled answer is recorded in the dispatch ledger, so the action
    /// is never sent again.</summary>
    public async Task<DelegatedAnswer?> ReadHandedOverAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Execution is not { Status: DispatchStatus.AwaitingSoarApproval } handedOver
            || investigation.Source is not { Platform: SoarDispatchNames.Platform } source
            || clients.Find(source.Instance) is not { } client
            || !long.TryParse(handedOver.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
            return null;

        var approvals = await client.ListApprovalsAsync(runId, cancellationToken);
        var startedAt = handedOver.StartedAt ?? time.GetUtcNow();
        if (approvals.FirstOrDefault(a => DeniedStatuses.Contains(a.Status, StringComparer.OrdinalIgnoreCase)) is { } denied)
        {
            var who = await RespondersAsync(client, denied, approving: false, cancellationToken);
            await SettleAsync(handedOver, startedAt, $"denied in Splunk SOAR by {who}", cancellationToken);
            return new DelegatedAnswer(ApprovalStatus.Denied, who, "denied by the asset approvers in Splunk SOAR", null);
        }
        if (approvals.FirstOrDefault(a => string.Equals(a.Status, "expired", StringComparison.OrdinalIgnoreCase)) is not null)
        {
            await SettleAsync(handedOver, startedAt, "the approval expired in Splunk SOAR", cancellationToken);
            return new DelegatedAnswer(ApprovalStatus.TimedOut, SoarDispatchNames.Platform, "the approval expired in Splunk SOAR before the asset approvers answered", null);
        }

        var run = await client.GetActionRunAsync(runId, cancellationToken);
        if (!run.IsTerminal) return null;
        var execution = await FinishedAsync(client, handedOver.DispatchKey, runId, run, startedAt, cancellationToken);
        await ledger.CompleteAsync(handedOver.DispatchKey, execution, time.GetUtcNow(), cancellationToken);
        var elapsedMs = (long)(time.GetUtcNow() - startedAt).TotalMilliseconds;
        DispatchLog.Finished(logger, runId, handedOver.DispatchKey, run.Status, elapsedMs);
        var approval = approvals.Count > 0 ? approvals[0] : null;
        var approvers = approval is null ? SoarDispatchNames.Platform : await RespondersAsync(client, approval, approving: true, cancellationToken);
        if (approval is null) DispatchLog.RanWithoutApproval(logger, runId, action.ActionId, investigation.Id);
        return new DelegatedAnswer(ApprovalStatus.Approved, approvers, approval is null ? "Splunk SOAR ran it without an approval record" : null, execution);
    }

    private async Task SettleAsync(ActionExecution handedOver, DateTimeOffset startedAt, string message, CancellationToken cancellationToken) =>
        await ledger.CompleteAsync(handedOver.DispatchKey, handedOver with
        {
            Status = DispatchStatus.Failed, StartedAt = startedAt, FinishedAt = time.GetUtcNow(), Message = $"Not run: {message}.",
        }, time.GetUtcNow(), cancellationToken);

    // The user names behind the approval's responses (the approving or the denying ones), verified through /rest/ph_user.
    private static async Task<string> RespondersAsync(ISplunkSoarClient client, SoarApproval approval, bool approving, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var response in approval.Responses.Where(r => r.UserId is not null
            && ApprovedResponses.Contains(r.Response, StringComparer.OrdinalIgnoreCase) == approving))
        {
            if (await client.GetUserAsync(response.UserId!.Value, cancellationToken) is { } user && !names.Contains(user.Username, StringComparer.Ordinal))
                names.Add(user.Username);
        }
        return names.Count == 0 ? "Splunk SOAR asset approvers" : string.Join(", ", names);
    }
}
