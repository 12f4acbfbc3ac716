namespace AgenticIR.Agents.Triage;

/// <summary>One signal's score before weighting, what it rests on, and whether any context backed it.</summary>
internal sealed record SignalScore(double Score, string Evidence, bool HasData);
