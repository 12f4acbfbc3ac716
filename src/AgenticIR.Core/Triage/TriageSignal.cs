namespace AgenticIR.Core.Triage;

/// <summary>One weighted context signal and why it scored what it did.</summary>
/// <param name="Name">Signal name, e.g. <c>asset_criticality</c>.</param>
/// <param name="Weight">Weight from the policy or calibration.</param>
/// <param name="Score">Score in [0, 1].</param>
/// <param name="Evidence">What the score rests on, in words an analyst reads.</param>
public sealed record TriageSignal(string Name, double Weight, double Score, string Evidence)
{
    /// <summary>Weight × score.</summary>
    public double Contribution => Weight * Score;
}
