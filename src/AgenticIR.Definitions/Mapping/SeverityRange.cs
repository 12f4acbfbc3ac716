using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// A numeric band of a source's severity scale, inclusive at both ends; <see cref="Severity"/> null means the band
/// carries no severity (GuardDuty's reserved 0), so the next source is read.
/// </summary>
internal sealed record SeverityRange(double Min, double Max, Severity? Severity);
