using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Response;

/// <summary>Turns an investigation's findings into an ordered, risk-classed response plan.</summary>
/// <remarks>Actions come from a fixed rules table keyed on finding kinds; targets are only observables of this
/// investigation; risk and approval class come only from the policy. Every action starts <see cref="ApprovalStatus.Pending"/>:
/// an <see cref="Core.Ports.IActionGate"/> decides what may run without a human.</remarks>
public sealed class ResponsePlanner(IActionCatalog catalog, IPolicyProvider policy)
{
    private static readonly HashSet<ActionKind> Disruptive = [ActionKind.Containment, ActionKind.Eradication, ActionKind.Recovery];

    /// <summary>Builds the plan for an investigation whose triage (and normally its report) is set.</summary>
    public ResponsePlan Plan(InvestigationRecord investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        var current = policy.Current;
        var context = PlanningContext.From(investigation);
        var notes = new List<string>();
        var benignReason = BenignReason(context);
        var containmentBlock = benignReason ?? (context.Severity < Severity.Medium
            ? $"severity {context.Severity.ToWire()} never gets containment" : null);

        var proposals = benignReason is null
            ? ProposalSource.FromRules(context).Concat(ProposalSource.PlanWide(context, catalog, current, benign: false))
            : ProposalSource.FalsePositiveTags(context).Concat(ProposalSource.PlanWide(context, catalog, current, benign: true));
        if (benignReason is not null) notes.Add($"No containment: {benignReason}.");

        var guard = new ProposalGuard(catalog, context, new OrganizationScope(current.Organization));
        var candidates = new List<Candidate>();
        foreach (var proposal in proposals)
        {
            var checkedProposal = guard.Check(proposal);
            if (!checkedProposal.Allowed) { notes.Add(checkedProposal.DropReason!); continue; }
            var definition = checkedProposal.Definition!;
            var target = checkedProposal.Target!;
            if (containmentBlock is not null && Disruptive.Contains(definition.Kind))
            {
                notes.Add($"Dropped {proposal.LogicalAction} on {ObservableTypeNames.ToWire(target.Type)} '{target.Value}': {containmentBlock}.");
                continue;
            }
            var existing = candidates.Find(c => c.Definition.Name == definition.Name && c.Target.Key == target.Key);
            if (existing is null)
                candidates.Add(new Candidate(definition, target, current.ApprovalGates.RiskOf(definition.Name, definition.Reversible), proposal));
            else
                existing.Merge(proposal);
        }

        var ordered = candidates.OrderBy(c => PhaseRank(c.Definition.Kind)).ThenBy(c => c.Risk).ToList();
        var max = current.CircuitBreakers.PerInvestigation.MaxResponseActions;
        foreach (var over in ordered.Skip(max))
            notes.Add($"Dropped {over.Definition.Name} on {ObservableTypeNames.ToWire(over.Target.Type)} '{over.Target.Value}': per-investigation limit of {max} response actions reached.");

        var actions = ordered.Take(max).Select((c, i) => c.ToAction(i + 1, current.ApprovalGates)).ToList();
        return new ResponsePlan
        {
            Actions = actions,
            EstimatedContainmentTime = actions.Where(a => a.Kind == ActionKind.Containment)
                .Aggregate(TimeSpan.Zero, (sum, a) => sum + a.ExpectedDuration),
            Notes = notes.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static string? BenignReason(PlanningContext context)
    {
        // A known false positive named only in free text would let an attacker switch containment off.
        var falsePositive = context.Findings.Where(f => f.Kind == FindingKinds.KnownFalsePositive && !f.AboutFreeText).Select(f => f.Id).ToList();
        if (falsePositive.Count > 0) return $"known false positive ({string.Join(", ", falsePositive)})";
        return ProposalSource.Actionable(context).Any() ? null : "no suspicious or malicious finding";
    }

    // Containment, then eradication, then recovery, then everything informational.
    private static int PhaseRank(ActionKind kind) => kind switch
    {
        ActionKind.Containment => 0,
        ActionKind.Eradication => 1,
        ActionKind.Recovery => 2,
        _ => 3,
    };

    private sealed class Candidate(ActionDefinition definition, Observable target, ActionRisk risk, ActionProposal first)
    {
        private readonly List<string> _findingIds = [.. first.FindingIds];
        private readonly List<string> _justifications = [first.Justification];

        public ActionDefinition Definition { get; } = definition;
        public Observable Target { get; } = target;
        public ActionRisk Risk { get; } = risk;

        public void Merge(ActionProposal proposal)
        {
            _findingIds.AddRange(proposal.FindingIds.Except(_findingIds));
            if (!_justifications.Contains(proposal.Justification)) _justifications.Add(proposal.Justification);
        }

        public ResponseAction ToAction(int priority, ApprovalGates gates) => new()
        {
            ActionId = $"A{priority}",
            LogicalAction = Definition.Name,
            Target = Target,
            Kind = Definition.Kind,
            Risk = Risk,
            ApprovalClass = gates.ClassOf(Definition.Name),
            ApprovalStatus = ApprovalStatus.Pending,
            Justification = string.Join(" | ", _justifications),
            Reversible = Definition.Reversible,
            RollbackAction = Definition.RollbackAction,
            Priority = priority,
            ExpectedDuration = Definition.ExpectedDuration,
            FindingIds = _findingIds,
        };
    }
}
