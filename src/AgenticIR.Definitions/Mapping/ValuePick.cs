namespace AgenticIR.Definitions.Mapping;

/// <summary>How a scale field (severity, confidence) chooses among the values its sources yield.</summary>
internal enum ValuePick
{
    /// <summary>The first value, in source order, that reads on its scale.</summary>
    First,
    /// <summary>The highest value of every source that reads on its scale.</summary>
    Highest,
}
