using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.Approvals;

/// <summary>When a new approval request expires: <c>urgent</c> for critical severity, <c>after_hours</c> outside the
/// policy's business hours (in its time zone), else <c>standard</c>.</summary>
public static class ApprovalDeadlines
{
    /// <summary>The deadline for a request made at <paramref name="now"/>.</summary>
    public static DateTimeOffset For(GovernancePolicy policy, Severity severity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var timeouts = policy.ApprovalTimeouts;
        var seconds = severity == Severity.Critical ? timeouts.UrgentSeconds
            : IsBusinessHours(policy.BusinessHours, now) ? timeouts.StandardSeconds
            : timeouts.AfterHoursSeconds;
        return now.AddSeconds(seconds);
    }

    /// <summary>True inside business hours; always true when the policy sets none.</summary>
    public static bool IsBusinessHours(BusinessHours? hours, DateTimeOffset now)
    {
        if (hours is null) return true;
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone));
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return hours.Days.Contains(local.DayOfWeek) && time >= hours.Start && time < hours.End;
    }
}
