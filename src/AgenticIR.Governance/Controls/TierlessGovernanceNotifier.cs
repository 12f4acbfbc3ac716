using AgenticIR.Core.Ports;

namespace AgenticIR.Governance.Controls;

/// <summary>The default tier notifier: sends nothing. Every governance event also raises a notification
/// (<see cref="Core.Notifications.INotificationSink"/>), whose <c>log</c> target writes it to the worker's log once and
/// whose SOAR and mail targets reach people. A host with a channel per approver tier registers its own <see cref="IGovernanceNotifier"/>.</summary>
public sealed class TierlessGovernanceNotifier : IGovernanceNotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(string target, string subject, string body, CancellationToken cancellationToken) => Task.CompletedTask;
}
