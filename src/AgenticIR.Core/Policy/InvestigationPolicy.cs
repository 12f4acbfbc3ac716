namespace AgenticIR.Core.Policy;

/// <summary>Investigation loop settings.</summary>
public sealed record InvestigationPolicy
{
    /// <summary>The loop stops once confidence reaches this value.</summary>
    public double ConfidenceThreshold { get; init; } = 0.85;
}
