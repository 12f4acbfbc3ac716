namespace AgenticIR.Core.Ports;

/// <summary>Tells people about governance events: an approval escalated to their tier, a request held without an
/// answer, a breaker tripped. Targets are approver tier names from the policy (e.g. <c>ir_lead</c>).</summary>
public interface IGovernanceNotifier
{
    /// <summary>Sends one notification to everyone in <paramref name="target"/>.</summary>
    Task NotifyAsync(string target, string subject, string body, CancellationToken cancellationToken);
}
