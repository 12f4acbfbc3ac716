namespace AgenticIR.Core.Catalog;

/// <summary>Declarative reading of an enrichment action's result: where the verdict and facts are, and which values
/// mean malicious or suspicious. Paths are in the platform's own terms: a Splunk SOAR binding reads one
/// <c>result_data[]</c> item (<see cref="ResultPath"/>), an XSOAR binding reads the command's context output
/// (<see cref="XsoarContextPath"/>).</summary>
public sealed record ResultParsing
{
    /// <summary>Dotted path to the numeric or text verdict field, e.g. <c>summary.malicious</c> (Splunk SOAR) or <c>DBotScore.Score</c> (XSOAR).</summary>
    public required string VerdictPath { get; init; }

    /// <summary>Numeric verdict at or above which the observable is malicious (numeric verdicts).</summary>
    public double? MaliciousAtOrAbove { get; init; }

    /// <summary>Numeric verdict at or above which it is suspicious.</summary>
    public double? SuspiciousAtOrAbove { get; init; }

    /// <summary>Text verdicts meaning malicious (case-insensitive), e.g. <c>malicious</c>.</summary>
    public IReadOnlyList<string> MaliciousValues { get; init; } = [];

    /// <summary>Text verdicts meaning suspicious.</summary>
    public IReadOnlyList<string> SuspiciousValues { get; init; } = [];

    /// <summary>Further facts to copy into the finding: label → dotted path.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();
}
