namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Names shared by dispatch, enrichment and shadow comparison.</summary>
internal static class SoarDispatchNames
{
    /// <summary><see cref="Core.State.SourceReference.Platform"/> of investigations opened from a Splunk SOAR container.</summary>
    public const string Platform = "splunk_soar";

    /// <summary>Every action run we launch is named with this prefix, so shadow comparison can leave ours out and a lost
    /// dispatch answer can be found again by name.</summary>
    public const string RunNamePrefix = "agentic-ir:";
}
