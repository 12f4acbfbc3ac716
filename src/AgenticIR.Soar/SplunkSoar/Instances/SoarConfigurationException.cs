namespace AgenticIR.Soar.SplunkSoar.Instances;

/// <summary>A configured SOAR instance cannot be used (its token is missing or empty). Thrown at start-up; names the
/// instance and where the token should come from, never a token value.</summary>
internal sealed class SoarConfigurationException(IReadOnlyList<string> problems)
    : Exception(problems.Count == 1 ? problems[0] : $"{problems.Count} Splunk SOAR configuration problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    /// <summary>Each problem, one per instance.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
