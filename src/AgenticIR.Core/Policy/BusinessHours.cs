namespace AgenticIR.Core.Policy;

/// <summary>Business hours for the after-hours approval timeout (policy <c>business_hours</c>).</summary>
/// <param name="TimeZone">IANA time zone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Days">Working days.</param>
/// <param name="Start">Start of the working day, local time.</param>
/// <param name="End">End of the working day, local time.</param>
public sealed record BusinessHours(string TimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End);
