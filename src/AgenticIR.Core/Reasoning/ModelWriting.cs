namespace AgenticIR.Core.Reasoning;

/// <summary>What a model wrote for the report and the SOAR notes: hypotheses and a narrative paragraph. It is a proposal
/// shown to people, labelled with the model's name; no decision (action, target, approval, severity, path) reads it.</summary>
public sealed record ModelWriting
{
    /// <summary>The model that wrote it (e.g. <c>llm:qwen2.5:7b</c>).</summary>
    public required string Model { get; init; }

    /// <summary>The narrative paragraph (at most 1,500 characters), or null when the model wrote none.</summary>
    public string? Narrative { get; init; }

    /// <summary>At most five hypotheses, each tied to evidence ids the investigation has.</summary>
    public IReadOnlyList<ModelHypothesis> Hypotheses { get; init; } = [];
}
