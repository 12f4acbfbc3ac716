using AgenticIR.Agents.Context;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Message trace: other messages carrying the same link domain, sender or attachment.</summary>
internal sealed class MailboxSearchTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.MailboxSearch;
    public string Description => "Message-trace sweep for other messages with the same URL domain, sender or attachment hash.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType>
        { ObservableType.Domain, ObservableType.Url, ObservableType.Email, ObservableType.Sha256 };
    public int Cost => 2;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var (what, messages) = subject.Type switch
        {
            ObservableType.Email => ("sender", store.MessagesFromSender(subject.Value)),
            ObservableType.Sha256 => ("attachment", store.MessagesWithAttachment(subject.Value)),
            ObservableType.Url => ("link domain", ContextKeys.UrlHost(subject.Value) is { } host ? store.MessagesWithDomain(host) : []),
            _ => ("link domain", store.MessagesWithDomain(subject.Value)),
        };
        if (messages.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: no messages in the trace", []));

        // "Other" mailboxes: recipients the alert did not already name.
        var own = context.Investigation.AllObservables.Where(o => o.Type is ObservableType.Email or ObservableType.User)
            .Select(o => ContextKeys.User(o.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var delivered = messages.Where(m => m.Delivery == "delivered").ToList();
        var others = delivered.Select(m => m.Recipient).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(r => !own.Contains(ContextKeys.User(r))).ToList();
        var stopped = messages.Count(m => m.Delivery != "delivered");
        var senders = messages.Select(m => m.Sender).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var subjectBad = context.Findings.Any(f => f.Verdict == Verdict.Malicious && f.Subject is { } s && Related(s, subject));

        var discovered = others.Select(r => new Observable(ObservableType.Email, r, "recipient"))
            .Concat(senders.Select(s => new Observable(ObservableType.Email, s, "sender"))).ToList();
        var evidence = $"mail_trace.csv: {messages.Count} message(s) by {what} {subject.Value}: {delivered.Count} delivered, {stopped} quarantined/blocked; senders {string.Join(", ", senders.Take(3))}; subject \"{messages[0].Subject}\"";
        var findings = new List<Finding>();
        if (delivered.Count > 0)
        {
            var reach = others.Count == 0
                ? $"Lure delivered to {delivered.Count} mailbox(es), none beyond those the alert names"
                : $"Lure delivered to {others.Count} other mailbox(es)";
            findings.Add(ToolFinding.Create(Name, subject, reach,
                subjectBad ? Verdict.Malicious : Verdict.Suspicious, subjectBad ? 0.9 : 0.6, evidence,
                FindingKinds.LureDelivered, discovered, ["T1566"], delivered[0].Timestamp));
        }
        else
        {
            findings.Add(ToolFinding.Create(Name, subject, $"All {messages.Count} message(s) were quarantined or blocked",
                Verdict.Informational, 0.7, evidence, discovered: discovered, observedAt: messages[0].Timestamp));
        }
        return Task.FromResult(new ToolResult($"{subject.Value}: {messages.Count} message(s), delivered to {others.Count} other mailbox(es), {stopped} stopped", findings));
    }

    private static bool Related(Observable finding, Observable subject)
    {
        if (finding.Equals(subject)) return true;
        var a = finding.Type == ObservableType.Url ? ContextKeys.UrlHost(finding.Value) : finding.Value;
        var b = subject.Type == ObservableType.Url ? ContextKeys.UrlHost(subject.Value) : subject.Value;
        return a is not null && b is not null && (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
            || b.EndsWith("." + a, StringComparison.OrdinalIgnoreCase) || a.EndsWith("." + b, StringComparison.OrdinalIgnoreCase));
    }
}
