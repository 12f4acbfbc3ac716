using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Ports;

/// <summary>Turns raw payloads into normalized alerts through the declarative mappings.</summary>
public interface IAlertNormalizer
{
    /// <summary>Normalizes one payload; never throws for bad input (the result carries the reason).</summary>
    NormalizationResult Normalize(RawAlert raw);

    /// <summary>Names of the formats the mappings define.</summary>
    IReadOnlyList<string> Formats { get; }
}
