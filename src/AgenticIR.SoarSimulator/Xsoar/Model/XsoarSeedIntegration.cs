namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>An installed integration and its commands (command name → argument names).</summary>
public sealed record XsoarSeedIntegration(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Commands)
{
    public string? Display { get; init; }
}
