using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Soar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Runs approved actions in the war room of the XSOAR incident the investigation came from: the action's
/// <c>xsoar</c> binding as one command through <c>/entry/execute/sync</c>, pinned with <c>using=</c> to the enabled
/// integration instance of the binding's brand, its arguments filled only from the action's structured target. The
/// dispatch ledger is read before every call and written before the POST, so a command is never run twice: a recorded
/// outcome is returned as is, and a row left 'sending' (a lost answer, a crash) is resolved by reading the war room for
/// the command's entries before anything is sent again.</summary>
internal sealed partial class XsoarActionDispatcher(
    XsoarClientDirectory clients, IActionCatalog catalog, IDispatchLedger ledger, XsoarIntegrationDirectory integrations,
    XsoarDispatchOptions options, TimeProvider time, ILogger<XsoarActionDispatcher> logger) : IActionDispatcher
{
    /// <inheritdoc />
    public bool CanDispatch(InvestigationRecord investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return investigation.Source is { Platform: XsoarDispatchNames.Platform } source && clients.IsConfigured(source.Instance);
    }

    /// <inheritdoc />
    public Task<ActionExecution> ExecuteAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        DispatchAsync(investigation, CatalogChoice.ForExecute(catalog, action), action.Target, cancellationToken);

    /// <inheritdoc />
    public Task<ActionExecution> RollbackAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        DispatchAsync(investigation, CatalogChoice.ForRollback(catalog, action), action.Target, cancellationToken);

    private Task<ActionExecution> DispatchAsync(InvestigationRecord investigation, CatalogChoice choice, Observable target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return choice.Definition is { } definition
            ? RunAsync(investigation, choice.ActionId, definition, target, cancellationToken)
            : Task.FromResult(Refuse(investigation, choice.ActionId, choice.Name, choice.Refusal!));
    }

    private async Task<ActionExecution> RunAsync(
        InvestigationRecord investigation, string actionId, ActionDefinition definition, Observable target, CancellationToken cancellationToken)
    {
        if (investigation.Source is not { Platform: XsoarDispatchNames.Platform } source)
            return Refuse(investigation, actionId, definition.Name, "the investigation did not come from an XSOAR incident");
        if (clients.Find(source.Instance, out var problem) is not { } client)
            return Refuse(investigation, actionId, definition.Name, problem!);
        if (string.IsNullOrWhiteSpace(source.ExternalId))
            return Refuse(investigation, actionId, definition.Name, "the investigation's XSOAR incident id is empty");
        if (definition.Xsoar is not { } binding)
        {
            return Refuse(investigation, actionId, definition.Name, definition.XsoarUnsupported is { } why
                ? $"'{definition.Name}' is unsupported on Cortex XSOAR ({why})"
                : $"'{definition.Name}' has no xsoar binding in connectors/");
        }
        if (definition.TargetTypes.Count > 0 && !definition.TargetTypes.Contains(target.Type))
            return Refuse(investigation, actionId, definition.Name, $"'{definition.Name}' does not accept {ObservableTypeNames.ToWire(target.Type)} targets");
        var resolution = XsoarCommandArguments.Resolve(binding, target, BindingParameters.LegalTargets(investigation));
        if (!resolution.Succeeded) return Refuse(investigation, actionId, definition.Name, resolution.Refusal!);

        var key = XsoarDispatchKeys.Compute(source.Instance, source.ExternalId, definition.Name, resolution.Arguments!);
        var request = new XsoarDispatchRequest(client, investigation.Id, actionId, definition, binding, target, source.ExternalId, resolution.Arguments!, key);
        return await DispatchKeyGate.RunAsync(key, token => DispatchOnceAsync(request, token), cancellationToken);
    }

    private async Task<ActionExecution> DispatchOnceAsync(XsoarDispatchRequest request, CancellationToken cancellationToken)
    {
        var key = request.Key;
        while (true)
        {
            var entry = await ledger.GetAsync(key, cancellationToken);
            if (entry is { State: DispatchLedgerState.Succeeded or DispatchLedgerState.Failed })
            {
                XsoarDispatchLog.AlreadyRecorded(logger, request.ActionId, request.Definition.Name, request.InvestigationId, key, entry.State);
                return LedgerOutcome.Of(entry);
            }
            if (entry is not null)
            {
                // Not finished: our own earlier run whose answer was lost (or whose worker died), or another worker's in
                // flight. The war room tells: an entry of this command means it ran, whatever became of the answer.
                var found = await FindOwnEntriesAsync(request, cancellationToken);
                if (found.Count > 0)
                {
                    var adopted = Outcome(request, found, null, entry.CreatedAt, adopted: true);
                    await ledger.CompleteAsync(key, adopted, time.GetUtcNow(), cancellationToken);
                    XsoarDispatchLog.Adopted(logger, adopted.ExternalId, key);
                    return adopted;
                }
                var age = time.GetUtcNow() - entry.UpdatedAt;
                if (age < options.SendLease)
                {
                    var wait = options.SendLease - age;
                    await Task.Delay(wait < options.LeaseCheckInterval ? wait : options.LeaseCheckInterval, time, cancellationToken);
                    continue;
                }
            }

            var target = await integrations.ResolveAsync(request.Client, request.Binding, cancellationToken);
            if (!target.CanRun) return Refuse(request, target.Problem);
            var line = request.LineFor(target.UsingInstance!);
            var now = time.GetUtcNow();
            if (entry is null)
            {
                if (!await ledger.TryBeginAsync(NewEntry(request, line, now), cancellationToken)) continue;
            }
            else
            {
                if (!await ledger.TryReclaimAsync(key, entry.UpdatedAt, now, cancellationToken)) continue;
                XsoarDispatchLog.Reclaimed(logger, key);
            }
            return await SendAsync(request, target.UsingInstance!, now, cancellationToken);
        }
    }

    private static DispatchLedgerEntry NewEntry(XsoarDispatchRequest request, string line, DateTimeOffset now) => new()
    {
        DispatchKey = request.Key,
        Platform = XsoarDispatchNames.Platform,
        Instance = request.Client.InstanceName,
        ContainerId = request.IncidentId,
        InvestigationId = request.InvestigationId,
        ActionId = request.ActionId,
        LogicalAction = request.Definition.Name,
        Target = request.Target.Value,
        ParametersJson = XsoarDispatchKeys.ArgumentsJson(request.Arguments),
        RunName = line,
        State = DispatchLedgerState.Sending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private ActionExecution Refuse(InvestigationRecord investigation, string actionId, string logicalAction, string reason)
    {
        XsoarDispatchLog.Refused(logger, actionId, logicalAction, investigation.Id, reason);
        return DispatchRefusal.Of(XsoarDispatchNames.Platform, reason);
    }

    private ActionExecution Refuse(XsoarDispatchRequest request, string reason)
    {
        XsoarDispatchLog.Refused(logger, request.ActionId, request.Definition.Name, request.InvestigationId, reason);
        return DispatchRefusal.Of(XsoarDispatchNames.Platform, reason, request.Key);
    }
}
