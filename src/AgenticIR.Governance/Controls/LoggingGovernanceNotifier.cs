using AgenticIR.Core.Ports;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.Controls;

/// <summary>The default notifier: a warning in the worker's log per target. Hosts with a SOAR or mail channel replace it.</summary>
public sealed partial class LoggingGovernanceNotifier(ILogger<LoggingGovernanceNotifier> logger) : IGovernanceNotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(string target, string subject, string body, CancellationToken cancellationToken)
    {
        Notified(logger, target, subject, body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notify {Target}: {Subject} — {Body}")]
    private static partial void Notified(ILogger logger, string target, string subject, string body);
}
