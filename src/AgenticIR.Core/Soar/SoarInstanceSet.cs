namespace AgenticIR.Core.Soar;

/// <summary>The Splunk SOAR instances this worker bridges (<c>config/soar.yaml</c>); empty when the file is absent.</summary>
/// <param name="All">The instances, in file order.</param>
public sealed record SoarInstanceSet(IReadOnlyList<SoarInstanceDefinition> All)
{
    /// <summary>No instance configured.</summary>
    public static SoarInstanceSet None { get; } = new([]);
}
