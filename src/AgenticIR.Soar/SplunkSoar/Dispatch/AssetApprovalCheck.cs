namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Whether every asset an action would run on has approvers in Splunk SOAR: without them the SOAR runs the
/// action at once, so nothing may be handed over to them.</summary>
/// <param name="Description">The assets and their votes, e.g. <c>pan-fw-1 (1 primary vote)</c>.</param>
/// <param name="Problem">Why the action cannot be handed over; null when it can.</param>
internal sealed record AssetApprovalCheck(string Description, string? Problem);
