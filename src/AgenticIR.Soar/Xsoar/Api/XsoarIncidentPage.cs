namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>One page of <c>/incidents/search</c>: <c>{total, data[]}</c>.</summary>
/// <param name="Total">Incidents matching the filter, over every page.</param>
/// <param name="Incidents">This page.</param>
internal sealed record XsoarIncidentPage(long Total, IReadOnlyList<XsoarIncident> Incidents);
