using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Context;

/// <summary>A past alert touching one observable.</summary>
public sealed record HistoricalAlert
{
    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    /// <summary>Alert id.</summary>
    public required string AlertId { get; init; }
    /// <summary>Rule.</summary>
    public required string RuleName { get; init; }
    /// <summary>Severity then.</summary>
    public Severity Severity { get; init; }
    /// <summary>true_positive | false_positive | benign | open.</summary>
    public required string Disposition { get; init; }
    /// <summary>The observable.</summary>
    public required Observable Observable { get; init; }
}
