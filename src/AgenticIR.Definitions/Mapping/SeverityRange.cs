using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>A numeric band of a source's severity scale, inclusive at both ends.</summary>
internal sealed record SeverityRange(double Min, double Max, Severity Severity);
