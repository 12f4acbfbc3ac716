using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Shadow;
using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Notifications;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.Demotion;

/// <summary>Applies <see cref="DemotionMonitor"/>'s verdicts: for each graduated (autonomous) playbook × severity whose
/// live evidence fails the policy's floor, records a cap at assisted in the store (which every worker's catalog then
/// applies), audits it as <c>playbook_demoted</c> and notifies the tier that may re-promote. Demotion needs no human;
/// lifting the cap does. Without a playbook catalog (no config/playbooks.yaml) nothing is autonomous, so a pass does nothing.</summary>
public sealed class DemotionWorker(
    IShadowComparisonSource comparisons, IPlaybookCatalog? catalog, IPolicyProvider policy, IPlaybookModeOverrides overrides,
    PlaybookModeCaps caps, IAuditLog audit, IGovernanceNotifier notifier, TimeProvider time, ILogger<DemotionWorker> logger,
    DemotionMonitor? monitor = null, INotificationSink? notifications = null)
{
    /// <summary>Audit action type of an automatic demotion.</summary>
    public const string AuditActionType = "playbook_demoted";

    /// <summary>Audit agent name and override author of an automatic demotion.</summary>
    public const string AgentName = "graduation_monitor";

    private readonly DemotionMonitor _monitor = monitor ?? new DemotionMonitor();

    /// <summary>One pass: refreshes the caps from the store, then demotes what the live evidence no longer supports.
    /// Returns the demotions this pass recorded (another worker's concurrent demotion of the same pair is not repeated).</summary>
    public async Task<IReadOnlyList<PlaybookModeOverride>> PassAsync(CancellationToken cancellationToken)
    {
        await caps.RefreshAsync(overrides, cancellationToken);
        if (catalog is null) return [];
        var now = time.GetUtcNow();
        var current = policy.Current;
        // The catalog already applies the caps, so a demoted pair is no longer autonomous and is not judged again.
        var assignments = catalog.Entries.Select(e => e.ToAssignment()).ToList();
        if (!assignments.Any(a => Enum.GetValues<Severity>().Any(s => a.For(s) == PlaybookMode.Autonomous))) return [];
        var live = await comparisons.ListAsync(now - _monitor.LiveWindow, now, cancellationToken);
        var demoted = new List<PlaybookModeOverride>();
        foreach (var decision in _monitor.Evaluate(live, assignments, current.Graduation, now).Where(d => d.Demote))
        {
            var cap = new PlaybookModeOverride(decision.Playbook, decision.Severity, decision.To, decision.Reason, now, AgentName);
            if (!await overrides.AddAsync(cap, cancellationToken)) continue;
            caps.Add(cap);
            demoted.Add(cap);
            DemotionLog.PlaybookDemoted(logger, cap.Playbook, cap.Severity.ToWire(), cap.Mode.ToWire(), cap.Reason);
            await audit.AppendAsync(Entry(decision, current.Graduation), cancellationToken);
            var target = NotifyTarget(current);
            var subject = $"Playbook {decision.Playbook} demoted to {decision.To.ToWire()} at {decision.Severity.ToWire()} severity";
            var body = $"{decision.Reason}. New {decision.Severity.ToWire()} investigations of {decision.Playbook} now wait for an analyst's approval. " +
                $"Review the disagreements (agentic-ir graduation report) and lift the cap with `agentic-ir graduation reinstate {decision.Playbook} {decision.Severity.ToWire()} --by <you>`.";
            await notifier.NotifyAsync(target, subject, body, cancellationToken);
            if (notifications is not null)
                await notifications.RaiseAsync(GovernanceNotifications.Demotion(cap.Playbook, cap.Severity.ToWire(), subject, body, cap.At), cancellationToken);
        }
        return demoted;
    }

    private static AuditEntry Entry(DemotionDecision decision, GraduationCriteria criteria) => new()
    {
        AgentName = AgentName,
        ActionType = AuditActionType,
        Target = $"{decision.Playbook}/{decision.Severity.ToWire()}",
        Justification = decision.Reason,
        ApprovalStatus = "auto_approved",
        Outcome = decision.To.ToWire(),
        Details = new Dictionary<string, string>
        {
            ["playbook"] = decision.Playbook,
            ["severity"] = decision.Severity.ToWire(),
            ["from_mode"] = PlaybookMode.Autonomous.ToWire(),
            ["to_mode"] = decision.To.ToWire(),
            ["samples"] = decision.Samples.ToString(CultureInfo.InvariantCulture),
            ["live_agreement"] = decision.LiveAgreement?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
            ["harmful_disagreements"] = decision.HarmfulDisagreements.ToString(CultureInfo.InvariantCulture),
            ["demotion_floor"] = criteria.DemotionFloor.ToString("0.0000", CultureInfo.InvariantCulture),
        },
    };

    // The people who may put the playbook back: the lowest tier allowed senior approvals, else the highest tier.
    private static string NotifyTarget(GovernancePolicy current) =>
        current.Approvers.Where(t => t.CanApproveSenior).OrderBy(t => t.Rank).FirstOrDefault()?.Name
        ?? current.Approvers.OrderByDescending(t => t.Rank).FirstOrDefault()?.Name
        ?? "ir_lead";
}
