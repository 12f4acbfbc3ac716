using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Audit;

/// <summary>Turns the pipeline's announcements into audit records: each agent decision (triage, investigation
/// conclusion, every planned action), the enrichment queries the investigation ran (one record listing each query in
/// order), and each action outcome. Approval
/// requests and answers, holds, kill switches and policy changes are audited where they happen. The records are a
/// function of the message and the investigation it announces (<see cref="IAnnouncementAuditor"/>), so a store that can
/// writes them in the transaction of the save that announces them, and delivery then has nothing to do; otherwise they
/// are appended on delivery. Either way they are kept with a <see cref="DeliveryReceipt"/> in the same transaction, so a
/// message delivered again after a crash adds nothing.</summary>
public sealed class DecisionAuditor(IStateStore store, IAuditLog audit) : IMessageSubscriber, IAnnouncementAuditor
{
    private static readonly MessageType[] AuditedTypes =
        [MessageType.TriageComplete, MessageType.InvestigationComplete, MessageType.PlanReady, MessageType.ActionExecuted, MessageType.DocumentationReady];

    /// <summary>The name its receipts carry.</summary>
    public const string SubscriberName = "decision_auditor";

    /// <summary>Action type of the record listing an investigation's enrichment queries.</summary>
    public const string EnrichmentQueries = "enrichment_queries";

    private const int MaxText = 2000;

    // One query's line in the listing: tool, query and verdict are attacker-influenced, so each is bounded.
    private const int MaxQueryText = 500;

    /// <summary>Subscribes to the announcements it audits, and has the bus's saves write their records in the save.</summary>
    public void Attach(IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        foreach (var type in AuditedTypes) bus.Subscribe(type, OnMessageAsync);
        bus.AuditInSave(this);
    }

    /// <inheritdoc />
    string IAnnouncementAuditor.SubscriberName => SubscriberName;

    /// <inheritdoc />
    public bool Audits(MessageType type) => AuditedTypes.Contains(type);

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> EntriesFor(BusMessage message, InvestigationRecord record)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(record);
        return message.Type switch
        {
            MessageType.TriageComplete => TriageEntries(record),
            MessageType.InvestigationComplete => InvestigationEntries(record),
            MessageType.PlanReady => PlanEntries(record),
            MessageType.ActionExecuted => ActionExecutedEntries(message, record),
            MessageType.DocumentationReady => DocumentedEntries(record),
            _ => [],
        };
    }

    // A message audited in its save carries its records and the receipt they were kept with: nothing is left to do, not
    // even a look at the store. Others (published outside a save, or read back from the outbox after a crash) are audited
    // here, once: a receipt kept before makes the append write nothing.
    private async Task OnMessageAsync(BusMessage message, CancellationToken cancellationToken)
    {
        if (message.Audit?.Receipt.Subscriber == SubscriberName) return;
        if (await RecordAsync(message, cancellationToken) is not { } record) return;
        var entries = EntriesFor(message, record);
        if (entries.Count > 0) await AppendAllAsync(message, entries, cancellationToken);
    }

    // What a language model cost the investigation and where its answers were not used; nothing without a model.
    private static IReadOnlyList<AuditEntry> DocumentedEntries(InvestigationRecord record)
    {
        if (record is not { Incident.ModelUsage: { } usage }) return [];
        return [new AuditEntry
        {
            AgentName = "reasoner",
            ActionType = "model_usage",
            Target = record.PrimaryAlert.AlertId,
            Justification = Bound(string.Join("; ", usage.Notes)),
            Outcome = string.Create(CultureInfo.InvariantCulture,
                $"{usage.Calls} calls, {usage.PromptTokens} prompt tokens, {usage.CompletionTokens} completion tokens, {usage.Fallbacks} fallbacks"),
            EvidenceHash = Hash(usage),
            InvestigationId = record.Id,
            Details = new Dictionary<string, string> { ["reasoner"] = usage.Reasoner },
        }];
    }

    private static IReadOnlyList<AuditEntry> TriageEntries(InvestigationRecord record)
    {
        if (record is not { Triage: { } triage }) return [];
        return [new AuditEntry
        {
            AgentName = "triage_agent",
            ActionType = "decision",
            Target = record.PrimaryAlert.AlertId,
            Justification = Bound(triage.Reasoning),
            Outcome = string.Create(CultureInfo.InvariantCulture, $"severity {triage.Severity}, path {triage.Path}, confidence {triage.Confidence:0.00}").ToLowerInvariant(),
            EvidenceHash = Hash(triage.Signals),
            InvestigationId = record.Id,
            Details = triage.SeverityProposal is { } proposal
                ? new Dictionary<string, string> { ["mode"] = record.Mode.ToWire(), ["fingerprint"] = record.Fingerprint, ["severity_proposal"] = Bound(proposal) }
                : new Dictionary<string, string> { ["mode"] = record.Mode.ToWire(), ["fingerprint"] = record.Fingerprint },
        }];
    }

    private static List<AuditEntry> InvestigationEntries(InvestigationRecord record)
    {
        if (record is not { Report: { } report }) return [];
        var entries = new List<AuditEntry>(2);
        if (report.Steps.Count > 0) entries.Add(EnrichmentQueriesEntry(record.Id, report.Steps));
        entries.Add(new AuditEntry
        {
            AgentName = "investigation_agent",
            ActionType = "decision",
            Target = record.PrimaryAlert.AlertId,
            Justification = string.Create(CultureInfo.InvariantCulture, $"{report.Findings.Count} findings after {report.Steps.Count} steps ({report.StopReason})"),
            Outcome = string.Create(CultureInfo.InvariantCulture, $"confidence {report.Confidence:0.00}"),
            EvidenceHash = Hash(report.Findings),
            InvestigationId = record.Id,
        });
        return entries;
    }

    private static IReadOnlyList<AuditEntry> PlanEntries(InvestigationRecord record)
    {
        if (record is not { Plan: { } plan }) return [];
        return [.. plan.Actions.Select(action => Cited(record, action)).Select(cited => new AuditEntry
            {
                AgentName = "response_orchestrator",
                ActionType = "decision",
                Target = $"{cited.Action.LogicalAction}:{cited.Action.Target.Value}",
                Justification = PlannedJustification(cited.Action, cited.Findings),
                ApprovalStatus = Name(cited.Action.ApprovalStatus),
                Outcome = record.Mode == PlaybookMode.Shadow ? "planned (shadow: not dispatched)" : "planned",
                EvidenceHash = Hash(cited.Findings),
                InvestigationId = record.Id,
                Details = new Dictionary<string, string>
                {
                    ["action_id"] = cited.Action.ActionId,
                    ["risk"] = cited.Action.Risk.ToString().ToLowerInvariant(),
                    ["gate"] = Name(cited.Action.ApprovalClass),
                },
            })];
    }

    private static (ResponseAction Action, List<Finding> Findings) Cited(InvestigationRecord record, ResponseAction action) =>
        (action, record.Report?.Findings.Where(f => action.FindingIds.Contains(f.Id)).ToList() ?? []);

    /// <summary>Why an action was planned, as the trail keeps it: each finding it rests on by id, kind, verdict, confidence
    /// and title. The findings' evidence text is the report's (and the plan's justification repeats it); the record's
    /// evidence hash is taken over those findings in full, so the evidence is attested without a third copy of it on every
    /// action. An action citing no finding the report holds keeps the plan's justification.</summary>
    private static string PlannedJustification(ResponseAction action, List<Finding> findings)
    {
        if (findings.Count == 0) return Bound(action.Justification);
        return Bound(string.Join(" | ", findings.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.Id} ({f.Kind}, {f.Verdict.ToString().ToLowerInvariant()}, confidence {f.Confidence:0.00}): {f.Title}"))));
    }

    private static List<AuditEntry> ActionExecutedEntries(BusMessage message, InvestigationRecord record)
    {
        if (record is not { Plan: { } plan }) return [];
        // The announcement names the run it reports; the action whose execution (or rollback) carries that id is audited.
        var externalId = message.Summary.Split(' ').LastOrDefault() ?? "";
        var entries = new List<AuditEntry>();
        foreach (var action in plan.Actions.Where(a => a.Execution is { } e && (e.ExternalId == externalId || e.Rollback?.ExternalId == externalId)))
        {
            var execution = action.Execution!.Rollback?.ExternalId == externalId ? action.Execution.Rollback! : action.Execution;
            entries.Add(new AuditEntry
            {
                AgentName = "response_orchestrator",
                ActionType = "action_outcome",
                Target = $"{(execution == action.Execution ? action.LogicalAction : action.RollbackAction)}:{action.Target.Value}",
                Justification = Bound(action.Justification),
                ApprovalStatus = Name(action.ApprovalStatus),
                ApproverIdentity = action.Answer?.Approver ?? (action.ApprovalStatus == ApprovalStatus.AutoApproved ? "policy" : ""),
                Outcome = $"{Name(execution.Status)}: {Bound(execution.Message)}",
                EvidenceHash = Hash(execution.Results),
                InvestigationId = record.Id,
                Details = new Dictionary<string, string>
                {
                    ["action_id"] = action.ActionId,
                    ["platform"] = execution.Platform,
                    ["external_id"] = execution.ExternalId,
                    ["dispatch_key"] = execution.DispatchKey,
                },
            });
        }
        return entries;
    }

    /// <summary>The investigation's enrichment queries in one record: each step's tool, query (the observable, as
    /// <c>type:value</c>) and verdict as one detail (<c>query_01</c>, <c>query_02</c>… in step order), the API calls in the
    /// outcome, and as evidence the hash of the steps exactly as the report holds them (reasons, results, durations,
    /// confidences, finding ids), so the record attests every query without a record per query.</summary>
    private static AuditEntry EnrichmentQueriesEntry(string investigationId, IReadOnlyList<InvestigationStep> steps)
    {
        var width = Math.Max(2, steps.Count.ToString(CultureInfo.InvariantCulture).Length);
        var details = new Dictionary<string, string>(steps.Count, StringComparer.Ordinal);
        var apiCalls = 0;
        foreach (var step in steps)
        {
            var key = "query_" + step.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            details[key] = $"{Bound(step.Tool, MaxQueryText)} {Bound(step.Query, MaxQueryText)} → {Bound(Verdict(step), MaxQueryText)}";
            apiCalls += step.ApiCalls;
        }
        return new AuditEntry
        {
            AgentName = "investigation_agent",
            ActionType = EnrichmentQueries,
            Target = string.Create(CultureInfo.InvariantCulture, $"{steps.Count} queries"),
            Justification = "enrichment queries chosen by the investigation loop, in step order",
            Outcome = string.Create(CultureInfo.InvariantCulture, $"{steps.Count} queries, {apiCalls} api calls"),
            EvidenceHash = Hash(steps),
            InvestigationId = investigationId,
            Details = details,
        };
    }

    /// <summary>The step's result without the observable it repeats: a result that opens with the queried value and a
    /// colon (<c>evil.example: no threat-intel match</c> for <c>domain:evil.example</c>) names it once, in the query.</summary>
    private static string Verdict(InvestigationStep step)
    {
        var colon = step.Query.IndexOf(':', StringComparison.Ordinal);
        var value = colon >= 0 ? step.Query.AsSpan(colon + 1) : step.Query.AsSpan();
        var result = step.Result.AsSpan();
        return value.Length > 0 && result.StartsWith(value, StringComparison.Ordinal) && result[value.Length..].StartsWith(": ", StringComparison.Ordinal)
            ? step.Result[(value.Length + 2)..]
            : step.Result;
    }

    // The orchestrator hands over the record it has just saved with the message; others (and replays of stored messages)
    // are read from the store.
    private async Task<InvestigationRecord?> RecordAsync(BusMessage message, CancellationToken cancellationToken) =>
        message.Record is { } saved && saved.Id == message.InvestigationId ? saved : await store.GetAsync(message.InvestigationId, cancellationToken);

    // One message's records go in one batch, so the SQLite log writes them in one transaction, in this order (appending
    // them one by one cost a commit each: the first caller finds the write gate free and commits before the next queues),
    // with the message's receipt, so the batch is written once however often the message is delivered.
    private Task<IReadOnlyList<AuditRecord>> AppendAllAsync(BusMessage message, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        audit.AppendBatchAsync(entries, new DeliveryReceipt(SubscriberName, message.Id), cancellationToken);

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Bound(string text) => Bound(text, MaxText);

    private static string Bound(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Hash<T>(T evidence) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(evidence, CoreJson.Options)));
}
