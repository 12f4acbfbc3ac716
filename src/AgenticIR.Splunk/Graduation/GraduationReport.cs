using AgenticIR.Core.Policy;

namespace AgenticIR.Splunk.Graduation;

/// <summary>Graduation evidence for every playbook × severity seen in [<paramref name="From"/>, <paramref name="To"/>).</summary>
public sealed record GraduationReport(DateTimeOffset From, DateTimeOffset To, GraduationCriteria Criteria, IReadOnlyList<GraduationRow> Rows);
