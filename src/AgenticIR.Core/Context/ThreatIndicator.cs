using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Context;

/// <summary>A threat-intelligence indicator.</summary>
public sealed record ThreatIndicator
{
    /// <summary>Observable type.</summary>
    public required ObservableType Type { get; init; }
    /// <summary>Value.</summary>
    public required string Value { get; init; }
    /// <summary>malicious | suspicious | benign.</summary>
    public required string Verdict { get; init; }
    /// <summary>Confidence in [0, 1].</summary>
    public required double Confidence { get; init; }
    /// <summary>Campaign or family.</summary>
    public string? Campaign { get; init; }
    /// <summary>Feed.</summary>
    public string? Source { get; init; }
}
