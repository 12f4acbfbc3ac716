namespace AgenticIR.Core.Reporting;

/// <summary>An ATT&amp;CK technique with the confidence and evidence behind it.</summary>
public sealed record MitreMapping
{
    /// <summary>Technique id, e.g. <c>T1566.002</c>.</summary>
    public required string TechniqueId { get; init; }

    /// <summary>Technique name.</summary>
    public required string Name { get; init; }

    /// <summary>Tactic, e.g. <c>initial-access</c>.</summary>
    public required string Tactic { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>Why the technique applies.</summary>
    public required string Evidence { get; init; }

    /// <summary>When the earliest evidence of the technique happened; null when unknown.</summary>
    public DateTimeOffset? FirstSeen { get; init; }
}
