using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tests.Governance;

internal sealed class RecordingNotifier : IGovernanceNotifier
{
    private readonly List<(string Target, string Subject, string Body)> _sent = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<(string Target, string Subject, string Body)> Sent
    {
        get { lock (_lock) return [.. _sent]; }
    }

    public Task NotifyAsync(string target, string subject, string body, CancellationToken cancellationToken)
    {
        lock (_lock) _sent.Add((target, subject, body));
        return Task.CompletedTask;
    }
}
