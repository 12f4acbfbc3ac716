namespace AgenticIR.Core.Investigation;

/// <summary>One executed step of the investigation loop.</summary>
public sealed record InvestigationStep
{
    /// <summary>1-based step number.</summary>
    public required int Number { get; init; }

    /// <summary>Tool run.</summary>
    public required string Tool { get; init; }

    /// <summary>The query, e.g. <c>domain:evil.example</c>.</summary>
    public required string Query { get; init; }

    /// <summary>Why the reasoner chose this step.</summary>
    public required string Reason { get; init; }

    /// <summary>Short summary of the result.</summary>
    public required string Result { get; init; }

    /// <summary>Wall time of the tool call.</summary>
    public required double DurationMs { get; init; }

    /// <summary>Investigation confidence after the step.</summary>
    public required double Confidence { get; init; }

    /// <summary>API calls the tool spent.</summary>
    public int ApiCalls { get; init; } = 1;

    /// <summary>Ids of findings produced by this step.</summary>
    public IReadOnlyList<string> FindingIds { get; init; } = [];
}
