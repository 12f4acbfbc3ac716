namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>One way a connector binding does not match what the live instance has installed.</summary>
/// <param name="Action">Logical action whose binding is wrong, e.g. <c>block_ip</c>.</param>
/// <param name="SourceFile">Connector file, when known.</param>
/// <param name="Message">What is wrong, naming the app, action, parameter or asset.</param>
internal sealed record LiveBindingProblem(string Action, string? SourceFile, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{SourceFile ?? Action}: splunk_soar: {Message}";
}
