namespace AgenticIR.Core.Soar;

/// <summary>The SOAR instances this worker bridges (<c>config/soar.yaml</c>); empty when the file is absent.</summary>
/// <param name="All">The Splunk SOAR instances, in file order.</param>
public sealed record SoarInstanceSet(IReadOnlyList<SoarInstanceDefinition> All)
{
    /// <summary>No instance configured.</summary>
    public static SoarInstanceSet None { get; } = new([]);

    /// <summary>The Cortex XSOAR instances, in file order.</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<XsoarInstanceDefinition> Xsoar { get; init; } = [];
}
