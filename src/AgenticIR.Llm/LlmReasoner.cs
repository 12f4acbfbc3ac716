using System.Globalization;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reasoning;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Llm.Budget;
using AgenticIR.Llm.Client;
using AgenticIR.Llm.Prompting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Llm;

/// <summary>
/// The language-model reasoner. It asks the model for three proposals per investigation — the triage explanation with a
/// severity proposal, the first investigation step among the offered candidates, and the executive summary with a
/// narrative and hypotheses for the report and the SOAR notes — and checks each reply against its schema. Every other
/// answer, and every answer the model could not give (failure, invalid reply, budget), is the deterministic reasoner's,
/// recorded in the investigation's usage. What the model may move at all is bounded outside it: triage bounds the
/// severity by the policy, the investigation agent accepts only offered candidates, hypotheses keep only evidence ids the
/// investigation has and are rendered as inert text, and actions, targets, approvals and budgets never pass through this
/// type.
/// </summary>
internal sealed class LlmReasoner(IReasoner deterministic, ModelClient client, UsageLedger ledger, ILogger<LlmReasoner> logger) : IReasoner
{
    private const int MaxOffered = 8;
    private const string TriageStep = "triage";
    private const string SummaryStep = "summary";

    /// <inheritdoc />
    public string Name => ledger.Reasoner;

    /// <inheritdoc />
    public async Task<TriageJudgement> JudgeTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        var rules = await deterministic.ExplainTriageAsync(investigation, draft, cancellationToken).ConfigureAwait(false);
        var book = ledger.For(investigation.Id);
        var reply = await client.CompleteAsync(PromptBuilder.System(ReplyParser.TriageSchema), PromptBuilder.Triage(investigation, draft), book, cancellationToken).ConfigureAwait(false);
        if (reply.Failure is not null) return new(FellBack(book, investigation.Id, TriageStep, reply.Failure, rules));
        var parsed = ReplyParser.Triage(reply.Text!);
        if (!parsed.Valid) return new(FellBack(book, investigation.Id, TriageStep, $"invalid reply: {parsed.Error}", rules));
        var (explanation, severity, reasons) = parsed.Value;
        return new($"{explanation} [model {Name}] Rules: {rules}", severity, reasons);
    }

    /// <inheritdoc />
    public async Task<string> ExplainTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken) =>
        (await JudgeTriageAsync(investigation, draft, cancellationToken).ConfigureAwait(false)).Explanation;

    /// <inheritdoc />
    public async Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        // Whether to go on at all is the rules' call: the model picks among candidates, it never ends or extends the loop.
        var rules = await deterministic.ChooseNextStepAsync(context, candidates, cancellationToken).ConfigureAwait(false);
        if (rules is null) return null;
        var book = ledger.For(context.Investigation.Id);
        // The first step is the model's; one request stays reserved for the summary.
        if (context.Steps.Count > 0 || book.RequestsLeft <= 1) return rules;
        var offered = candidates.Take(MaxOffered).Select((c, i) => (Id: string.Create(CultureInfo.InvariantCulture, $"c{i + 1}"), Choice: c)).ToList();
        var step = $"step {context.Steps.Count + 1}";
        var reply = await client.CompleteAsync(PromptBuilder.System(ReplyParser.StepSchema), PromptBuilder.Step(context, offered), book, cancellationToken).ConfigureAwait(false);
        if (reply.Failure is not null) return FellBack(book, context.Investigation.Id, step, reply.Failure, rules);
        var parsed = ReplyParser.Step(reply.Text!);
        if (!parsed.Valid) return FellBack(book, context.Investigation.Id, step, $"invalid reply: {parsed.Error}", rules);
        var (choice, reason) = parsed.Value;
        var match = offered.FirstOrDefault(o => string.Equals(o.Id, choice, StringComparison.Ordinal));
        if (match.Choice is null) return FellBack(book, context.Investigation.Id, step, "chose a step that was not offered", rules);
        return match.Choice with { Reason = $"{match.Choice.Reason} (model: {reason})" };
    }

    /// <inheritdoc />
    public async Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        var facts = await deterministic.SummarizeAsync(investigation, cancellationToken).ConfigureAwait(false);
        // The model writes the summary once, when the plan is known; earlier and later versions are the rules' (the
        // report's other sections carry whatever happens after it).
        var book = ledger.For(investigation.Id);
        if (book.ModelSummary is { } written) return written;
        if (investigation.Plan is null || book.SummaryAsked) return facts;
        book.SummaryAsked = true;
        var reply = await client.CompleteAsync(PromptBuilder.System(ReplyParser.SummarySchema), PromptBuilder.Summary(investigation, facts), book, cancellationToken).ConfigureAwait(false);
        if (reply.Failure is not null) return FellBack(book, investigation.Id, SummaryStep, reply.Failure, facts);
        var parsed = ReplyParser.Summary(reply.Text!);
        if (!parsed.Valid) return FellBack(book, investigation.Id, SummaryStep, $"invalid reply: {parsed.Error}", facts);
        book.ModelWriting = ModelWritingCheck.Check(parsed.Value!, investigation, Name, book);
        book.ModelSummary = $"{parsed.Value!.Summary} [model {Name}]";
        return book.ModelSummary;
    }

    /// <inheritdoc />
    public ModelWriting? WritingOf(string investigationId) => ledger.Find(investigationId)?.ModelWriting;

    /// <inheritdoc />
    public ModelUsage? UsageOf(string investigationId) => ledger.Find(investigationId)?.Snapshot() ?? new ModelUsage { Reasoner = Name };

    private T FellBack<T>(InvestigationLedger book, string investigationId, string step, string reason, T rules)
    {
        book.Fallback(step, reason);
        Log.FellBack(logger, investigationId, step, reason);
        return rules is string text ? (T)(object)$"{text} [model not used: {reason}]" : rules;
    }
}
