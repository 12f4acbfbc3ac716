using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Soar.Dispatch;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Runs approved actions on the Splunk SOAR container the investigation came from, through the app, assets and
/// parameters of the action's connector binding. The dispatch ledger is read before every call and written before the
/// POST, so an action is never sent twice: a recorded outcome is returned as is, a run whose POST answer was lost is
/// found again by its deterministic name, and a run that outlives its wait budget is reported failed, never re-sent.</summary>
internal sealed partial class SplunkSoarActionDispatcher(
    SoarClientDirectory clients, IActionCatalog catalog, IDispatchLedger ledger, SoarAppDirectory apps,
    SplunkSoarDispatchOptions options, TimeProvider time, ILogger<SplunkSoarActionDispatcher> logger) : IActionDispatcher
{
    private readonly ActionRunPoller _poller = new(time, options);

    /// <inheritdoc />
    public bool CanDispatch(InvestigationRecord investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return investigation.Source is { Platform: SoarDispatchNames.Platform } source && clients.Find(source.Instance) is not null;
    }

    /// <inheritdoc />
    public Task<ActionExecution> ExecuteAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        DispatchAsync(investigation, CatalogChoice.ForExecute(catalog, action), action.Target, track: true, cancellationToken);

    /// <inheritdoc />
    public Task<ActionExecution> RollbackAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        DispatchAsync(investigation, CatalogChoice.ForRollback(catalog, action), action.Target, track: true, cancellationToken);

    private Task<ActionExecution> DispatchAsync(InvestigationRecord investigation, CatalogChoice choice, Observable target, bool track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return choice.Definition is { } definition
            ? RunAsync(investigation, choice.ActionId, definition, target, track, cancellationToken)
            : Task.FromResult(Refuse(investigation, choice.ActionId, choice.Name, choice.Refusal!));
    }

    private async Task<ActionExecution> RunAsync(
        InvestigationRecord investigation, string actionId, ActionDefinition definition, Observable target, bool track, CancellationToken cancellationToken)
    {
        if (investigation.Source is not { Platform: SoarDispatchNames.Platform } source)
            return Refuse(investigation, actionId, definition.Name, "the investigation did not come from a Splunk SOAR container");
        if (clients.Find(source.Instance) is not { } client)
            return Refuse(investigation, actionId, definition.Name, $"no Splunk SOAR instance named '{source.Instance}' is configured");
        if (!long.TryParse(source.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var containerId))
            return Refuse(investigation, actionId, definition.Name, $"'{source.ExternalId}' is not a Splunk SOAR container id");
        if (definition.SplunkSoar is not { } binding)
            return Refuse(investigation, actionId, definition.Name, $"'{definition.Name}' has no splunk_soar binding in connectors/");
        if (definition.TargetTypes.Count > 0 && !definition.TargetTypes.Contains(target.Type))
            return Refuse(investigation, actionId, definition.Name, $"'{definition.Name}' does not accept {ObservableTypeNames.ToWire(target.Type)} targets");
        var resolution = BindingParameters.Resolve(binding, target, BindingParameters.LegalTargets(investigation));
        if (!resolution.Succeeded) return Refuse(investigation, actionId, definition.Name, resolution.Refusal!);

        var key = DispatchKeys.Compute(source.Instance, containerId, definition.Name, resolution.Parameters!);
        var request = new DispatchRequest(client, investigation.Id, actionId, definition, binding, target, containerId, resolution.Parameters!, key);
        return await DispatchKeyGate.RunAsync(key, token => DispatchOnceAsync(request, track, token), cancellationToken);
    }

    private async Task<ActionExecution> DispatchOnceAsync(DispatchRequest request, bool track, CancellationToken cancellationToken)
    {
        var key = request.Key;
        long runId;
        DateTimeOffset startedAt;
        while (true)
        {
            var entry = await ledger.GetAsync(key, cancellationToken);
            if (entry is { State: DispatchLedgerState.Succeeded or DispatchLedgerState.Failed })
            {
                DispatchLog.AlreadyRecorded(logger, request.ActionId, request.Definition.Name, request.InvestigationId, key, entry.State);
                return LedgerOutcome.Of(entry);
            }
            if (entry?.ExternalId is { } known)
            {
                runId = long.Parse(known, NumberStyles.None, CultureInfo.InvariantCulture);
                startedAt = entry.CreatedAt;
                break;
            }
            if (entry is not null)
            {
                // 'sending' without a run id: our own earlier POST whose answer was lost, or another worker's in flight.
                if (await FindOwnRunAsync(request, cancellationToken) is { } adopted)
                {
                    await ledger.MarkSentAsync(key, adopted.ToString(CultureInfo.InvariantCulture), time.GetUtcNow(), cancellationToken);
                    DispatchLog.Adopted(logger, adopted, key);
                    runId = adopted;
                    startedAt = entry.CreatedAt;
                    break;
                }
                var age = time.GetUtcNow() - entry.UpdatedAt;
                if (age < options.SendLease)
                {
                    var wait = options.SendLease - age;
                    await Task.Delay(wait < options.PollMaxInterval ? wait : options.PollMaxInterval, time, cancellationToken);
                    continue;
                }
            }

            var appTarget = await apps.ResolveAsync(request.Client, request.Binding, cancellationToken);
            if (appTarget.Problem is not null) return Refuse(request, appTarget.Problem);
            var now = time.GetUtcNow();
            if (entry is null)
            {
                if (!await ledger.TryBeginAsync(NewEntry(request, now), cancellationToken)) continue;
            }
            else
            {
                if (!await ledger.TryReclaimAsync(key, entry.UpdatedAt, now, cancellationToken)) continue;
                DispatchLog.Reclaimed(logger, key);
            }

            var sent = await SendAsync(request, appTarget, now, cancellationToken);
            if (sent.Failure is not null) return sent.Failure;
            runId = sent.RunId;
            startedAt = now;
            break;
        }
        return track ? await TrackAsync(request, runId, startedAt, cancellationToken) : AwaitingApproval(request, runId, startedAt);
    }

    private static async Task<long?> FindOwnRunAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var runs = await request.Client.ListActionRunsAsync(request.ContainerId, cancellationToken);
        return runs.Where(r => string.Equals(r.Name, request.RunName, StringComparison.Ordinal)).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault();
    }

    private static DispatchLedgerEntry NewEntry(DispatchRequest request, DateTimeOffset now) => new()
    {
        DispatchKey = request.Key,
        Platform = SoarDispatchNames.Platform,
        Instance = request.Client.InstanceName,
        ContainerId = request.ContainerId.ToString(CultureInfo.InvariantCulture),
        InvestigationId = request.InvestigationId,
        ActionId = request.ActionId,
        LogicalAction = request.Definition.Name,
        Target = request.Target.Value,
        ParametersJson = DispatchKeys.ParametersJson(request.Parameters),
        RunName = request.RunName,
        State = DispatchLedgerState.Sending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private ActionExecution Refuse(InvestigationRecord investigation, string actionId, string logicalAction, string reason)
    {
        DispatchLog.Refused(logger, actionId, logicalAction, investigation.Id, reason);
        return DispatchRefusal.Of(SoarDispatchNames.Platform, reason);
    }

    private ActionExecution Refuse(DispatchRequest request, string reason)
    {
        DispatchLog.Refused(logger, request.ActionId, request.Definition.Name, request.InvestigationId, reason);
        return DispatchRefusal.Of(SoarDispatchNames.Platform, reason, request.Key);
    }
}
