using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Soar;

/// <summary>How an item stands on the SOAR, in neutral terms.</summary>
/// <param name="ExternalId">The item's id on the SOAR.</param>
/// <param name="Closed">True once closed (resolved) on the SOAR.</param>
/// <param name="CloseReason">Close reason or disposition as the SOAR names it (XSOAR <c>closeReason</c>, Splunk SOAR the
/// instance's disposition field); null when none.</param>
/// <param name="CloseNotes">Close notes; null when the SOAR has none.</param>
/// <param name="FinalSeverity">The item's severity now; null when the SOAR's value is unknown or unrated.</param>
/// <param name="ClosedBy">Who closed it (user name or id as the SOAR gives it); null when open or not given.</param>
/// <param name="ClosedAt">When it was closed; null when open or not given.</param>
public sealed record SoarOutcome(
    string ExternalId, bool Closed, string? CloseReason, string? CloseNotes, Severity? FinalSeverity, string? ClosedBy, DateTimeOffset? ClosedAt);
