using AgenticIR.Core.Ports;

namespace AgenticIR.Testing.Fakes;

/// <summary>Keeps every governance notification instead of sending it.</summary>
public sealed class RecordingGovernanceNotifier : IGovernanceNotifier
{
    private readonly List<(string Target, string Subject, string Body)> _sent = [];
    private readonly Lock _lock = new();

    /// <summary>What was sent, in order.</summary>
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
