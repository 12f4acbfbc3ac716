namespace AgenticIR.SoarSimulator.Model;

/// <summary>An action a seeded playbook run launched, already finished with <see cref="Status"/>.</summary>
public sealed record LaunchedAction
{
    public required string Action { get; init; }
    public required string App { get; init; }
    public required string Asset { get; init; }
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public string Status { get; init; } = "success";
}
