using AgenticIR.Core.Response;

namespace AgenticIR.Splunk.Events;

/// <summary>The article's <c>action_status</c> values: the dispatch outcome once sent, else the approval state.</summary>
internal static class ActionStatusNames
{
    public static string Of(ResponseAction action) => action.Execution?.Status switch
    {
        DispatchStatus.Succeeded => "executed",
        DispatchStatus.Failed => "failed",
        DispatchStatus.Running => "running",
        DispatchStatus.Held => "held",
        DispatchStatus.RolledBack => "rolled_back",
        DispatchStatus.AwaitingSoarApproval => "awaiting_soar_approval",
        _ => action.ApprovalStatus switch
        {
            ApprovalStatus.Pending => "pending_approval",
            ApprovalStatus.AutoApproved => "auto_approved",
            ApprovalStatus.Approved => "approved",
            ApprovalStatus.Denied => "denied",
            ApprovalStatus.TimedOut => "timed_out",
            _ => WireNames.Of(action.ApprovalStatus),
        },
    };

    /// <summary>True when a person (not a timeout rule or the policy) answered the approval.</summary>
    public static bool AnsweredByHuman(ResponseAction action) =>
        action.Answer is { } answer
        && !string.Equals(answer.Channel, "timeout", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(answer.Approver, "policy", StringComparison.OrdinalIgnoreCase);
}
