namespace AgenticIR.Soar.Xsoar.LiveValidation;

/// <summary>One way an <c>xsoar</c> connector binding does not match what a live XSOAR instance has.</summary>
/// <param name="Action">Logical action whose binding is wrong, e.g. <c>block_ip</c>.</param>
/// <param name="SourceFile">Connector file, when known.</param>
/// <param name="Message">What is wrong, naming the integration, command, argument or instance.</param>
internal sealed record XsoarLiveBindingProblem(string Action, string? SourceFile, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{SourceFile ?? Action}: xsoar: {Message}";
}
