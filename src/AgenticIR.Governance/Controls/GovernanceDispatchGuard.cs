using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Governance.Approvals;
using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Notifications;

namespace AgenticIR.Governance.Controls;

/// <summary>The last check before every dispatch: kill switches, protected targets for policy-approved actions, the
/// per-investigation action budget and the global per-hour limits (counted in the state store, so they hold across
/// restarts and workers). It also runs the kill-switch triggers on rates and failure streaks.</summary>
public sealed class GovernanceDispatchGuard(
    IGovernanceControlStore controls, KillSwitchService killSwitches, IPolicyProvider policy, IMessageBus bus,
    IAuditLog audit, IGovernanceNotifier notifier, TimeProvider time,
    INotificationSink? notifications = null) : IDispatchGuard
{
    /// <inheritdoc />
    public async Task<GuardDecision> AcquireAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(action);
        var current = policy.Current;
        if (await killSwitches.FindEngagedAsync(investigation.Id, cancellationToken) is { } engaged)
            return await HoldAsync(investigation, action, GuardDecision.Hold($"kill_switch:{engaged.Scope}",
                $"kill switch {engaged.Scope} engaged by {engaged.EngagedBy}: {engaged.Reason}"), cancellationToken);

        if (action.ApprovalStatus == ApprovalStatus.AutoApproved && ProtectedTargetMatcher.Match(current.ProtectedTargets, action.Target) is { } entry)
            return await HoldAsync(investigation, action, GuardDecision.Hold("protected_target",
                $"{action.Target.Value} is a protected target ({entry}): no autonomous action may touch it"), cancellationToken);

        var budget = current.CircuitBreakers.PerInvestigation.MaxResponseActions;
        var executed = investigation.Plan?.Actions.Count(a => a.Execution is { Status: not DispatchStatus.Held }) ?? 0;
        if (executed >= budget)
            return await TripAsync(investigation, action, "max_response_actions", $"{executed} of {budget} response actions already executed for this investigation", cancellationToken);

        var now = time.GetUtcNow();
        if (await RateTriggerAsync(now, cancellationToken) is { } rate)
        {
            await killSwitches.EngageAsync(KillSwitch.Global, "policy:response_actions_per_minute", rate, cancellationToken);
            return await HoldAsync(investigation, action, GuardDecision.Hold("kill_switch:global", rate), cancellationToken);
        }

        var violated = await controls.TryReserveAsync(
            new DispatchReservation(investigation.Id, action.ActionId, action.LogicalAction, Categories(action), now), Limits(current), cancellationToken);
        if (violated is not null)
            return await TripAsync(investigation, action, violated, $"the global limit {violated} is reached", cancellationToken);
        return GuardDecision.Allow;
    }

    /// <inheritdoc />
    public async Task RecordOutcomeAsync(InvestigationRecord investigation, ResponseAction action, ActionExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        if (execution.Status == DispatchStatus.Held) return;
        var streak = await controls.RecordOutcomeAsync(execution.Status == DispatchStatus.Succeeded, cancellationToken);
        if (Trigger("consecutive_failures") is { } trigger && Exceeds(trigger, streak))
            await killSwitches.EngageAsync(KillSwitch.Global, "policy:consecutive_failures",
                string.Create(CultureInfo.InvariantCulture, $"{streak} consecutive action failures (trigger: consecutive_failures {trigger.Operator} {trigger.Threshold})"), cancellationToken);
    }

    /// <summary>Engages the global switch when the false-positive rate of recent decisions crosses the policy's trigger.
    /// Returns true when it did.</summary>
    public async Task<bool> EvaluateFalsePositiveRateAsync(double rate, int sample, CancellationToken cancellationToken)
    {
        if (Trigger("false_positive_rate") is not { } trigger || !Exceeds(trigger, rate)) return false;
        await killSwitches.EngageAsync(KillSwitch.Global, "policy:false_positive_rate",
            string.Create(CultureInfo.InvariantCulture, $"false-positive rate {rate:0.00} over the last {sample} decisions (trigger: false_positive_rate {trigger.Operator} {trigger.Threshold})"), cancellationToken);
        return true;
    }

    private async Task<string?> RateTriggerAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Trigger("response_actions_per_minute") is not { } trigger) return null;
        // Counting this action too: the trigger fires on the action that would cross the threshold.
        var lastMinute = await controls.CountAsync(ControlCategories.All, now - TimeSpan.FromMinutes(1), cancellationToken) + 1;
        return Exceeds(trigger, lastMinute)
            ? string.Create(CultureInfo.InvariantCulture, $"{lastMinute} response actions in the last minute (trigger: response_actions_per_minute {trigger.Operator} {trigger.Threshold})")
            : null;
    }

    private KillSwitchTrigger? Trigger(string metric)
    {
        var killSwitch = policy.Current.KillSwitch;
        return killSwitch.Enabled ? killSwitch.Triggers.FirstOrDefault(t => t.Metric == metric) : null;
    }

    private static bool Exceeds(KillSwitchTrigger trigger, double value) => trigger.Operator switch
    {
        ">" => value > trigger.Threshold,
        ">=" => value >= trigger.Threshold,
        "<" => value < trigger.Threshold,
        "<=" => value <= trigger.Threshold,
        _ => value > trigger.Threshold,
    };

    private async Task<GuardDecision> TripAsync(InvestigationRecord investigation, ResponseAction action, string limit, string reason, CancellationToken cancellationToken)
    {
        var decision = GuardDecision.Hold("circuit_breaker:" + limit, reason + "; further actions wait for a human");
        await bus.PublishAsync(new BusMessage
        {
            Id = $"{investigation.Id}:{MessageType.CircuitBreaker}:{action.ActionId}:{limit}",
            Type = MessageType.CircuitBreaker,
            InvestigationId = investigation.Id,
            Summary = $"{limit}: {action.ActionId} {action.LogicalAction} held",
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        var subject = $"Circuit breaker {limit} tripped";
        var body = $"{action.LogicalAction} on {action.Target.Value} ({investigation.Id}) held: {reason}.";
        foreach (var target in policy.Current.KillSwitch.Notification)
            await notifier.NotifyAsync(target, subject, body, cancellationToken);
        if (notifications is not null)
            await notifications.RaiseAsync(GovernanceNotifications.DispatchBreaker(investigation.Id, action.ActionId, limit, subject, body, time.GetUtcNow()), cancellationToken);
        return await HoldAsync(investigation, action, decision, cancellationToken);
    }

    private async Task<GuardDecision> HoldAsync(InvestigationRecord investigation, ResponseAction action, GuardDecision decision, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = "governance",
            ActionType = decision.Control.StartsWith("circuit_breaker", StringComparison.Ordinal) ? "circuit_breaker" : "dispatch_held",
            Target = $"{action.LogicalAction}:{action.Target.Value}",
            Justification = decision.Reason,
            ApprovalStatus = action.ApprovalStatus.ToString(),
            Outcome = "held:" + decision.Control,
            InvestigationId = investigation.Id,
            Details = new Dictionary<string, string> { ["action_id"] = action.ActionId, ["control"] = decision.Control },
        }, cancellationToken);
        return decision;
    }

    private static List<string> Categories(ResponseAction action)
    {
        List<string> categories = [ControlCategories.All];
        if (action.Risk == ActionRisk.Critical) categories.Add(ControlCategories.Critical);
        if (action.LogicalAction == "isolate_endpoint") categories.Add(ControlCategories.EndpointsIsolated);
        if (action.LogicalAction is "disable_user_account" or "disable_service_account") categories.Add(ControlCategories.UsersDisabled);
        return categories;
    }

    private static List<DispatchLimit> Limits(GovernancePolicy policy)
    {
        var global = policy.CircuitBreakers.Global;
        var hour = TimeSpan.FromHours(1);
        return
        [
            new("max_actions_per_hour", ControlCategories.All, global.MaxActionsPerHour, hour),
            new("max_critical_actions_per_hour", ControlCategories.Critical, global.MaxCriticalActionsPerHour, hour),
            new("max_endpoints_isolated_per_hour", ControlCategories.EndpointsIsolated, global.MaxEndpointsIsolatedPerHour, hour),
            new("max_users_disabled_per_hour", ControlCategories.UsersDisabled, global.MaxUsersDisabledPerHour, hour),
        ];
    }
}
