using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Source-generated log events of the policy lifecycle (event ids 2380–2399).</summary>
internal static partial class PolicyLifecycleLog
{
    [LoggerMessage(EventId = 2380, EventName = "PolicyApplied", Level = LogLevel.Information,
        Message = "Policy {Path} version {Version} in force (hash {Hash}, {Kind}, by {AcceptedBy})")]
    public static partial void Applied(ILogger logger, string path, int version, string hash, string kind, string acceptedBy);

    [LoggerMessage(EventId = 2381, EventName = "PolicyRejected", Level = LogLevel.Warning,
        Message = "Policy edit of {Path} (hash {Hash}) rejected with {Count} error(s); the last good policy (hash {InForce}) stays in force")]
    public static partial void Rejected(ILogger logger, string path, string hash, int count, string inForce);

    [LoggerMessage(EventId = 2382, EventName = "PolicyError", Level = LogLevel.Warning, Message = "Policy error: {Error}")]
    public static partial void Error(ILogger logger, string error);

    [LoggerMessage(EventId = 2383, EventName = "PolicyWatchFailed", Level = LogLevel.Error,
        Message = "Checking {Path} for changes failed; the policy in force is unchanged and the next check retries")]
    public static partial void WatchFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2384, EventName = "ProposalAccepted", Level = LogLevel.Information,
        Message = "Proposal {ProposalId} ({Parameter}) accepted by {AcceptedBy}: policy version {Version}")]
    public static partial void ProposalAccepted(ILogger logger, long proposalId, string parameter, string acceptedBy, int version);

    [LoggerMessage(EventId = 2385, EventName = "ProposalRejected", Level = LogLevel.Information,
        Message = "Proposal {ProposalId} ({Parameter}) rejected by {RejectedBy}")]
    public static partial void ProposalRejected(ILogger logger, long proposalId, string parameter, string rejectedBy);
}
