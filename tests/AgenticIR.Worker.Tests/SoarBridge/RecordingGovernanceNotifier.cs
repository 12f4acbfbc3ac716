using AgenticIR.Core.Ports;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Keeps every governance notification instead of sending it.</summary>
internal sealed class RecordingGovernanceNotifier : IGovernanceNotifier
{
    private readonly List<(string Target, string Subject, string Body)> _sent = [];

    public IReadOnlyList<(string Target, string Subject, string Body)> Sent
    {
        get
        {
            lock (_sent) return [.. _sent];
        }
    }

    public Task NotifyAsync(string target, string subject, string body, CancellationToken cancellationToken)
    {
        lock (_sent) _sent.Add((target, subject, body));
        return Task.CompletedTask;
    }
}
